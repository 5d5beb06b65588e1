using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>One page of <see cref="DurableTaskClient.QueryInstancesAsync"/>.</summary>
    public sealed class OrchestrationQueryResult
    {
        internal OrchestrationQueryResult(IReadOnlyList<WorkflowExecution> instances, string continuationToken, string query)
        {
            Instances = instances;
            ContinuationToken = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
            Query = query;
        }

        /// <summary>The matching runs of this page (instance id = <see cref="WorkflowExecution.Id"/>).</summary>
        public IReadOnlyList<WorkflowExecution> Instances { get; private set; }

        /// <summary>Set as <see cref="OrchestrationQuery.ContinuationToken"/> to read the next page; null after the last page.</summary>
        public string ContinuationToken { get; private set; }

        /// <summary>The visibility query the filter was translated to (see <see cref="TemporalClient.ListWorkflowsAsync"/>).</summary>
        public string Query { get; private set; }
    }
}
