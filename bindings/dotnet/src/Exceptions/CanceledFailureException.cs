using System;
using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>The work was cancelled (kind <c>canceled</c>, or a cancelled workflow run).</summary>
    public class CanceledFailureException : FailureException
    {
        /// <summary>Creates the exception.</summary>
        public CanceledFailureException(
            string message, RawJson failure, string failureStackTrace, Exception innerException, IReadOnlyList<RawJson> details)
            : base(message, failure, failureStackTrace, innerException)
        {
            Details = details;
        }

        /// <summary>The cancellation details, as JSON values.</summary>
        public IReadOnlyList<RawJson> Details { get; private set; }
    }
}
