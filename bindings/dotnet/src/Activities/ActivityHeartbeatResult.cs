using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What the server answered a heartbeat of <see cref="AsyncActivityHandle.HeartbeatAsync"/>.</summary>
    public sealed class ActivityHeartbeatResult
    {
        /// <summary>Reads a <c>tc_activity_heartbeat</c> response.</summary>
        internal ActivityHeartbeatResult(Dictionary<string, object> response)
        {
            CancelRequested = response.GetBool("cancel_requested");
            Paused = response.GetBool("paused");
            Reset = response.GetBool("reset");
        }

        /// <summary>Cancellation was requested: stop and call <see cref="AsyncActivityHandle.ReportCancellationAsync"/>.</summary>
        public bool CancelRequested { get; private set; }

        /// <summary>The activity was paused.</summary>
        public bool Paused { get; private set; }

        /// <summary>The activity was reset.</summary>
        public bool Reset { get; private set; }
    }
}
