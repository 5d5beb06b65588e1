namespace TemporalCapi
{
    /// <summary>
    /// Which instances <see cref="DurableTaskClient.GetAllInstancesAsync"/>
    /// and <see cref="DurableTaskClient.QueryInstancesAsync"/> return (the
    /// <see cref="InstanceFilter"/> properties), and how they page.
    /// </summary>
    public sealed class OrchestrationQuery : InstanceFilter
    {
        /// <summary>Instances per page; null for the server's default. Must be positive.</summary>
        public int? PageSize { get; set; }

        /// <summary>
        /// The <see cref="OrchestrationQueryResult.ContinuationToken"/> of the
        /// previous page; null for the first. (Durable Task's name for the page
        /// token that every listing sends as <c>next_page_token</c>.)
        /// </summary>
        public string ContinuationToken { get; set; }
    }
}
