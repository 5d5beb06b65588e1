namespace TemporalCapi.Schedules
{
    /// <summary>What a schedule does when an action is due while a workflow it started is still open.</summary>
    public enum ScheduleOverlapPolicy
    {
        /// <summary>Not set: the schedule's policy (for a trigger or backfill) or the server's default (<see cref="Skip"/>).</summary>
        Unspecified = 0,
        /// <summary>Start nothing.</summary>
        Skip = 1,
        /// <summary>Start the workflow once the running one closes; at most one start is buffered.</summary>
        BufferOne = 2,
        /// <summary>Buffer every start and run them one after another.</summary>
        BufferAll = 3,
        /// <summary>Cancel the running workflow, then start the new one.</summary>
        CancelOther = 4,
        /// <summary>Terminate the running workflow and start the new one.</summary>
        TerminateOther = 5,
        /// <summary>Start the new workflow alongside the running ones.</summary>
        AllowAll = 6,
    }
}
