namespace TemporalCapi
{
    /// <summary>The status of a workflow run.</summary>
    public enum WorkflowExecutionStatus
    {
        /// <summary>Unknown.</summary>
        Unspecified = 0,
        /// <summary>Still running.</summary>
        Running = 1,
        /// <summary>Completed successfully.</summary>
        Completed = 2,
        /// <summary>Failed.</summary>
        Failed = 3,
        /// <summary>Cancelled.</summary>
        Canceled = 4,
        /// <summary>Terminated.</summary>
        Terminated = 5,
        /// <summary>Continued as a new run.</summary>
        ContinuedAsNew = 6,
        /// <summary>Timed out.</summary>
        TimedOut = 7,
        /// <summary>Paused (<see cref="WorkflowHandle.PauseAsync"/>; the Durable Task "Suspended"): open, but no tasks are dispatched.</summary>
        Paused = 8,
    }
}
