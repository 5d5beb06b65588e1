namespace TemporalCapi
{
    /// <summary>A named point of the history <see cref="WorkflowHandle.ResetAsync"/> can return to.</summary>
    public enum WorkflowResetTarget
    {
        /// <summary>None: reset to <see cref="WorkflowResetOptions.EventId"/> instead.</summary>
        Unspecified = 0,
        /// <summary>The end of the first workflow task.</summary>
        FirstWorkflowTask = 1,
        /// <summary>The end of the last completed workflow task.</summary>
        LastWorkflowTask = 2,
    }
}
