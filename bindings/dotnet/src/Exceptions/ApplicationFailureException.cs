using System;
using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>A failure raised by workflow or activity code (kind <c>application</c>).</summary>
    public class ApplicationFailureException : FailureException
    {
        /// <summary>Creates the exception.</summary>
        public ApplicationFailureException(
            string message,
            RawJson failure,
            string failureStackTrace,
            Exception innerException,
            string errorType,
            bool nonRetryable,
            IReadOnlyList<RawJson> details,
            TimeSpan? nextRetryDelay)
            : base(message, failure, failureStackTrace, innerException)
        {
            ErrorType = errorType;
            NonRetryable = nonRetryable;
            Details = details;
            NextRetryDelay = nextRetryDelay;
        }

        /// <summary>The application's error type string, or null.</summary>
        public string ErrorType { get; private set; }

        /// <summary>Whether the failure was marked non-retryable.</summary>
        public bool NonRetryable { get; private set; }

        /// <summary>The details attached to the failure, as JSON values.</summary>
        public IReadOnlyList<RawJson> Details { get; private set; }

        /// <summary>The retry delay the failure asked for, or null.</summary>
        public TimeSpan? NextRetryDelay { get; private set; }
    }
}
