using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Reading, waiting for, querying and purging instances.</summary>
    public sealed partial class DurableTaskClient
    {
        /// <summary>
        /// The instance's current state (describe; for a closed run also its
        /// outcome), or null when no instance has the id.
        /// </summary>
        /// <param name="instanceId">The instance id (its latest run is read).</param>
        /// <param name="getInputsAndOutputs">Also read the input and output of a closed run.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public async Task<OrchestrationMetadata> GetInstanceAsync(
            string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default(CancellationToken))
        {
            WorkflowExecutionDescription description;
            try
            {
                description = await Client.GetWorkflowHandle(instanceId).DescribeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
            {
                return null;
            }
            return await MetadataAsync(description, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits until a worker has started the instance's first workflow
        /// task (or the run closed first) and returns its state then.
        /// </summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="getInputsAndOutputs">Also read the input and output when the run has already closed.</param>
        /// <param name="cancellationToken">Stops waiting (the instance is not affected).</param>
        /// <exception cref="RpcException">No instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
            string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = new Dictionary<string, object> { { "workflow_id", instanceId } };
            var description = await Client.Connection.CallAsync(
                NativeMethods.tc_workflow_wait_for_start, request, response => new WorkflowExecutionDescription(response), cancellationToken)
                .ConfigureAwait(false);
            return await MetadataAsync(description, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits for the instance to close, following continue-as-new to the
        /// final run, and reports how it ended. It does not throw for a
        /// failed, cancelled, terminated or timed-out run: see
        /// <see cref="OrchestrationMetadata.RuntimeStatus"/> and
        /// <see cref="OrchestrationMetadata.Failure"/>.
        /// </summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="getInputsAndOutputs">Also read the final run's input and output.</param>
        /// <param name="cancellationToken">Stops waiting (the instance is not affected).</param>
        /// <exception cref="RpcException">No instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
            string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default(CancellationToken))
        {
            var response = await WaitForCompletionAsync(instanceId, null, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
            return OrchestrationMetadata.FromCompletion(response, null);
        }

        /// <summary>
        /// Every instance matching <paramref name="query"/>, fetched a page at
        /// a time as it is enumerated (from <see cref="OrchestrationQuery.ContinuationToken"/>
        /// when set). The query is read when this is called. Visibility is
        /// eventually consistent: a new or just-closed instance may show late.
        /// </summary>
        /// <param name="query">The filter and page size; null for every instance.</param>
        /// <exception cref="InvalidArgumentException">(When fetching) an unknown status or a non-positive page size.</exception>
        public AsyncPageable<WorkflowExecution> GetAllInstancesAsync(OrchestrationQuery query = null)
        {
            query = query ?? new OrchestrationQuery();
            var filter = QueryRequest(query);
            string start = query.ContinuationToken;
            return new AsyncPageable<WorkflowExecution>(async (token, cancellationToken) =>
            {
                var page = await QueryPageAsync(filter, token ?? start, cancellationToken).ConfigureAwait(false);
                return new Page<WorkflowExecution>(page.Instances, page.ContinuationToken);
            });
        }

        /// <summary>One page of the instances matching <paramref name="query"/>.</summary>
        /// <param name="query">The filter, page size and continuation token; null for the first page of every instance.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="InvalidArgumentException">An unknown status, a non-positive page size or a malformed token.</exception>
        public Task<OrchestrationQueryResult> QueryInstancesAsync(
            OrchestrationQuery query = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            query = query ?? new OrchestrationQuery();
            return QueryPageAsync(QueryRequest(query), query.ContinuationToken, cancellationToken);
        }

        /// <summary>
        /// Deletes every instance matching <paramref name="filter"/> (open
        /// ones are terminated first); the server finishes each deletion
        /// asynchronously. An empty filter matches every instance of the namespace.
        /// </summary>
        /// <param name="filter">Which instances, and how many deletes run at once.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>How many were deleted.</returns>
        /// <exception cref="InvalidArgumentException">An unknown status or a concurrency outside 1..64.</exception>
        /// <exception cref="RpcException">A delete failed (other than not found); the instances before it stay deleted.</exception>
        public Task<PurgeResult> PurgeAllInstancesAsync(
            PurgeInstancesFilter filter, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(filter, "filter");
            var request = filter.ToRequest();
            request.Put("max_concurrency", filter.MaxConcurrency);
            return Client.Connection.CallAsync(
                NativeMethods.tc_workflow_purge_instances,
                request,
                response => new PurgeResult((int)(response.GetLong("purged_count") ?? 0)),
                cancellationToken);
        }

        private static Dictionary<string, object> QueryRequest(OrchestrationQuery query)
        {
            var request = query.ToRequest();
            request.Put("page_size", query.PageSize);
            return request;
        }

        private Task<OrchestrationQueryResult> QueryPageAsync(
            Dictionary<string, object> filter, string continuationToken, CancellationToken cancellationToken)
        {
            return Client.Connection.CallPageAsync(
                NativeMethods.tc_workflow_query_instances,
                new Dictionary<string, object>(filter),
                continuationToken,
                (response, next) => new OrchestrationQueryResult(
                    TemporalClient.Rows(response, "instances"), next, response.GetString("query")),
                cancellationToken);
        }

        private Task<Dictionary<string, object>> WaitForCompletionAsync(
            string instanceId, string runId, bool getInputsAndOutputs, CancellationToken cancellationToken)
        {
            var request = new Dictionary<string, object>
            {
                { "workflow_id", instanceId },
                { "get_inputs_and_outputs", getInputsAndOutputs },
            };
            request.Put("run_id", runId);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_wait_for_completion, request, cancellationToken);
        }

        /// <summary>The metadata of a described run; for a closed run its outcome is read too (that wait returns at once).</summary>
        private async Task<OrchestrationMetadata> MetadataAsync(
            WorkflowExecutionDescription description, bool getInputsAndOutputs, CancellationToken cancellationToken)
        {
            if (!OrchestrationMetadata.IsClosed(description.Status))
            {
                return OrchestrationMetadata.FromDescription(description);
            }
            var response = await WaitForCompletionAsync(description.Id, description.RunId, getInputsAndOutputs, cancellationToken)
                .ConfigureAwait(false);
            return OrchestrationMetadata.FromCompletion(response, description);
        }
    }
}
