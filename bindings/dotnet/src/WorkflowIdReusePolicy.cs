namespace TemporalCapi
{
    /// <summary>Whether a workflow id used by a closed run may start a new run.</summary>
    public enum WorkflowIdReusePolicy
    {
        /// <summary>The server's default (<see cref="AllowDuplicate"/>).</summary>
        Unspecified = 0,
        /// <summary>A new run may start after any closed run.</summary>
        AllowDuplicate = 1,
        /// <summary>A new run may start only after a failed, cancelled, terminated or timed-out run.</summary>
        AllowDuplicateFailedOnly = 2,
        /// <summary>The id may never be reused.</summary>
        RejectDuplicate = 3,
        /// <summary>Terminate a running run and start a new one.</summary>
        TerminateIfRunning = 4,
    }
}
