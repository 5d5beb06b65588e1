namespace TemporalCapi
{
    /// <summary>Options of <see cref="TemporalClient.ListWorkflowsAsync"/>.</summary>
    public sealed class WorkflowListOptions
    {
        /// <summary>Rows fetched per request; null for the server's default. Must be positive.</summary>
        public int? PageSize { get; set; }
    }
}
