using System;
using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>A failure raised by workflow or activity code (kind <c>application</c>).</summary>
    public class ApplicationFailureException : FailureException
    {
        /// <summary>
        /// Creates a failure to send, for example with
        /// <see cref="AsyncActivityHandle.FailAsync"/>.
        /// </summary>
        /// <param name="message">The failure message.</param>
        /// <param name="errorType">The application's error type string; null for none.</param>
        /// <param name="nonRetryable">Whether retries should stop.</param>
        /// <param name="details">JSON-serializable values or <see cref="RawJson"/> attached to the failure; null for none.</param>
        /// <exception cref="ArgumentException">A detail cannot be written as JSON.</exception>
        public ApplicationFailureException(
            string message, string errorType = null, bool nonRetryable = false, IReadOnlyCollection<object> details = null)
            : this(message, null, null, null, errorType, nonRetryable, ToRaw(details), null)
        {
        }

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

        private static IReadOnlyList<RawJson> ToRaw(IReadOnlyCollection<object> details)
        {
            var result = new List<RawJson>();
            if (details != null)
            {
                foreach (var detail in details)
                {
                    result.Add(RawJson.FromValue(detail));
                }
            }
            return result;
        }
    }
}
