namespace TemporalCapi
{
    /// <summary>What the server answered a heartbeat of <see cref="AsyncActivityHandle.HeartbeatAsync"/>.</summary>
    public sealed class ActivityHeartbeatResult
    {
        internal ActivityHeartbeatResult(bool cancelRequested, bool paused, bool reset)
        {
            CancelRequested = cancelRequested;
            Paused = paused;
            Reset = reset;
        }

        /// <summary>Cancellation was requested: stop and call <see cref="AsyncActivityHandle.ReportCancellationAsync"/>.</summary>
        public bool CancelRequested { get; private set; }

        /// <summary>The activity was paused.</summary>
        public bool Paused { get; private set; }

        /// <summary>The activity was reset.</summary>
        public bool Reset { get; private set; }
    }
}
