namespace TemporalCapi
{
    /// <summary>How far an update must get before a start-update call returns.</summary>
    public enum WorkflowUpdateStage
    {
        /// <summary>The worker's validator accepted the update (a rejection is known by then).</summary>
        Accepted = 1,

        /// <summary>The update handler finished (its result or failure is known).</summary>
        Completed = 2,
    }
}
