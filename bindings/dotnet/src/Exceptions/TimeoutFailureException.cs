using System;
using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>A timeout fired (kind <c>timeout</c>, or a timed-out workflow run).</summary>
    public class TimeoutFailureException : FailureException
    {
        /// <summary>Creates the exception.</summary>
        public TimeoutFailureException(
            string message,
            RawJson failure,
            string failureStackTrace,
            Exception innerException,
            TimeoutType timeoutType,
            IReadOnlyList<RawJson> lastHeartbeatDetails)
            : base(message, failure, failureStackTrace, innerException)
        {
            TimeoutType = timeoutType;
            LastHeartbeatDetails = lastHeartbeatDetails;
        }

        /// <summary>Which timeout fired.</summary>
        public TimeoutType TimeoutType { get; private set; }

        /// <summary>The last heartbeat details of a timed-out activity, as JSON values.</summary>
        public IReadOnlyList<RawJson> LastHeartbeatDetails { get; private set; }
    }
}
