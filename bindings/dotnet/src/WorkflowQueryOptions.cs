namespace TemporalCapi
{
    /// <summary>Options of <see cref="WorkflowHandle.QueryAsync{TResult}"/>.</summary>
    public sealed class WorkflowQueryOptions
    {
        /// <summary>When to reject the query instead of answering it (<see cref="WorkflowQueryRejectedException"/>).</summary>
        public QueryRejectCondition RejectCondition { get; set; }
    }
}
