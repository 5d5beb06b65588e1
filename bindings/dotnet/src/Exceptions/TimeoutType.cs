namespace TemporalCapi
{
    /// <summary>Which timeout a <see cref="TimeoutFailureException"/> reports.</summary>
    public enum TimeoutType
    {
        /// <summary>Not specified.</summary>
        Unspecified = 0,
        /// <summary>Start to close (also used for a timed-out workflow run).</summary>
        StartToClose = 1,
        /// <summary>Schedule to start.</summary>
        ScheduleToStart = 2,
        /// <summary>Schedule to close.</summary>
        ScheduleToClose = 3,
        /// <summary>Heartbeat.</summary>
        Heartbeat = 4,
    }
}
