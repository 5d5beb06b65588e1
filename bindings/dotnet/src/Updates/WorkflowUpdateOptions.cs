namespace TemporalCapi
{
    /// <summary>Options of <see cref="WorkflowHandle.ExecuteUpdateAsync{TResult}"/>.</summary>
    public sealed class WorkflowUpdateOptions
    {
        /// <summary>Creates options with a generated update id.</summary>
        public WorkflowUpdateOptions()
        {
        }

        /// <summary>Creates options with the given update id.</summary>
        public WorkflowUpdateOptions(string id)
        {
            Id = id;
        }

        /// <summary>
        /// The update's idempotency id; a UUID when null. Sending an id the
        /// workflow already saw returns that update's outcome instead of
        /// running the handler again.
        /// </summary>
        public string Id { get; set; }
    }
}
