namespace TemporalCapi
{
    /// <summary>Options of <see cref="WorkflowHandle.StartUpdateAsync{TResult}"/>.</summary>
    public sealed class WorkflowUpdateStartOptions
    {
        /// <summary>Creates options that wait for <see cref="WorkflowUpdateStage.Accepted"/> with a generated update id.</summary>
        public WorkflowUpdateStartOptions()
            : this(WorkflowUpdateStage.Accepted)
        {
        }

        /// <summary>Creates options that wait for <paramref name="waitForStage"/>.</summary>
        public WorkflowUpdateStartOptions(WorkflowUpdateStage waitForStage)
        {
            WaitForStage = waitForStage;
        }

        /// <summary>How far the update must get before the call returns (default <see cref="WorkflowUpdateStage.Accepted"/>).</summary>
        public WorkflowUpdateStage WaitForStage { get; set; }

        /// <summary>The update's idempotency id; a UUID when null (see <see cref="WorkflowUpdateOptions.Id"/>).</summary>
        public string Id { get; set; }
    }
}
