using System;
using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>The workflow was terminated (kind <c>terminated</c>, or a terminated run); the message is the reason.</summary>
    public class TerminatedFailureException : FailureException
    {
        /// <summary>Creates the exception.</summary>
        public TerminatedFailureException(
            string message, RawJson failure, string failureStackTrace, Exception innerException, IReadOnlyList<RawJson> details, string identity)
            : base(message, failure, failureStackTrace, innerException)
        {
            Details = details;
            Identity = identity;
        }

        /// <summary>The details given to the terminate request, as JSON values.</summary>
        public IReadOnlyList<RawJson> Details { get; private set; }

        /// <summary>The identity of the client that terminated it, when known.</summary>
        public string Identity { get; private set; }
    }
}
