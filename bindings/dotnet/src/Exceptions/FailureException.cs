using System;

namespace TemporalCapi
{
    /// <summary>
    /// One link of a Temporal failure chain (docs/JSON.md "Failures"); its
    /// cause is <see cref="Exception.InnerException"/>. Kinds without a
    /// subclass here (activity, child workflow, server, reset, Nexus) are
    /// plain <see cref="FailureException"/>s; read their fields from
    /// <see cref="Failure"/>.
    /// </summary>
    public class FailureException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public FailureException(string message, RawJson failure, string failureStackTrace, Exception innerException)
            : base(message, innerException)
        {
            Failure = failure;
            FailureStackTrace = failureStackTrace;
        }

        /// <summary>The failure object as sent by the library (with <c>kind</c>, <c>cause</c>, ...), or null when synthesized.</summary>
        public RawJson Failure { get; private set; }

        /// <summary>The stack trace the failing side reported, or null/empty.</summary>
        public string FailureStackTrace { get; private set; }
    }
}
