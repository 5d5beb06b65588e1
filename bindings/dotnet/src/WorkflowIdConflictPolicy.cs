namespace TemporalCapi
{
    /// <summary>What happens when a run with the workflow id is still open.</summary>
    public enum WorkflowIdConflictPolicy
    {
        /// <summary>The server's default (<see cref="Fail"/>).</summary>
        Unspecified = 0,
        /// <summary>Fail with <see cref="WorkflowAlreadyStartedException"/>.</summary>
        Fail = 1,
        /// <summary>Return the running run instead of starting one.</summary>
        UseExisting = 2,
        /// <summary>Terminate the running run and start a new one.</summary>
        TerminateExisting = 3,
    }
}
