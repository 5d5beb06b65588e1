using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// A workflow execution: by id, optionally pinned to a run. Get one from
    /// <see cref="TemporalClient.StartWorkflowAsync"/> or
    /// <see cref="TemporalClient.GetWorkflowHandle"/>.
    /// </summary>
    public sealed partial class WorkflowHandle
    {
        internal WorkflowHandle(TemporalClient client, string id, string runId, string resultRunId, string firstExecutionRunId)
        {
            Client = client;
            Id = id;
            RunId = runId;
            ResultRunId = resultRunId;
            FirstExecutionRunId = firstExecutionRunId;
        }

        /// <summary>The client the handle calls through.</summary>
        public TemporalClient Client { get; private set; }

        /// <summary>The workflow id.</summary>
        public string Id { get; private set; }

        /// <summary>The run that describe, signal, query, cancel and terminate address; null for the latest.</summary>
        public string RunId { get; private set; }

        /// <summary>The run the result is read from (and followed on from); null for <see cref="RunId"/>.</summary>
        public string ResultRunId { get; private set; }

        /// <summary>When set, cancel and terminate act only on the chain that began with this run.</summary>
        public string FirstExecutionRunId { get; private set; }

        /// <summary>Waits for the workflow to complete, ignoring its result.</summary>
        /// <param name="followRuns">Follow continue-as-new, retries and cron runs to the final run.</param>
        /// <param name="cancellationToken">Stops waiting (the workflow is not affected).</param>
        /// <exception cref="WorkflowFailedException">The run failed, was cancelled, terminated or timed out.</exception>
        /// <exception cref="WorkflowContinuedAsNewException">It continued as new and <paramref name="followRuns"/> is false.</exception>
        public Task GetResultAsync(bool followRuns = true, CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetResultAsync<RawJson>(followRuns, cancellationToken);
        }

        /// <summary>Waits for the workflow to complete and converts its result to <typeparamref name="TResult"/>.</summary>
        /// <param name="followRuns">Follow continue-as-new, retries and cron runs to the final run.</param>
        /// <param name="cancellationToken">Stops waiting (the workflow is not affected).</param>
        /// <exception cref="WorkflowFailedException">The run failed, was cancelled, terminated or timed out.</exception>
        /// <exception cref="WorkflowContinuedAsNewException">It continued as new and <paramref name="followRuns"/> is false.</exception>
        /// <exception cref="InvalidCastException">The result does not convert to <typeparamref name="TResult"/>.</exception>
        public Task<TResult> GetResultAsync<TResult>(
            bool followRuns = true, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(ResultRunId ?? RunId);
            request["follow_runs"] = followRuns;
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_result, request, Result<TResult>, cancellationToken);
        }

        /// <summary>Waits for the workflow to complete and returns its result as JSON text.</summary>
        /// <param name="followRuns">Follow continue-as-new, retries and cron runs to the final run.</param>
        /// <param name="cancellationToken">Stops waiting (the workflow is not affected).</param>
        public async Task<string> GetResultJsonAsync(
            bool followRuns = true, CancellationToken cancellationToken = default(CancellationToken))
        {
            var result = await GetResultAsync<RawJson>(followRuns, cancellationToken).ConfigureAwait(false);
            return result.Json;
        }

        /// <summary>Describes the run.</summary>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task<WorkflowExecutionDescription> DescribeAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.Connection.CallAsync(
                NativeMethods.tc_workflow_describe, Reference(RunId), response => new WorkflowExecutionDescription(response), cancellationToken);
        }

        /// <summary>Sends a signal.</summary>
        /// <param name="signal">The signal name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task SignalAsync(
            string signal, IReadOnlyCollection<object> args, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request["signal_name"] = signal;
            request["args"] = args ?? new object[0];
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_signal, request, cancellationToken);
        }

        /// <summary>Queries the workflow and converts the answer to <typeparamref name="TResult"/>.</summary>
        /// <param name="query">The query name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>.</param>
        /// <param name="options">The reject condition; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowQueryFailedException">Unknown query type or a failing handler.</exception>
        /// <exception cref="WorkflowQueryRejectedException">The reject condition matched.</exception>
        public Task<TResult> QueryAsync<TResult>(
            string query,
            IReadOnlyCollection<object> args,
            WorkflowQueryOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request["query_type"] = query;
            request["args"] = args ?? new object[0];
            if (options != null)
            {
                request.PutEnum("reject_condition", options.RejectCondition);
            }
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_query, request, Result<TResult>, cancellationToken);
        }

        /// <summary>Requests cancellation of the workflow (it decides how to react).</summary>
        public Task CancelAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request.Put("first_execution_run_id", FirstExecutionRunId);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_cancel, request, cancellationToken);
        }

        /// <summary>Terminates the workflow at once.</summary>
        /// <param name="reason">Recorded in history; null for none.</param>
        /// <param name="details">Values recorded with the termination; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task TerminateAsync(
            string reason = null,
            IReadOnlyCollection<object> details = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request.Put("first_execution_run_id", FirstExecutionRunId);
            request.Put("reason", reason);
            request.Put("details", details);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_terminate, request, cancellationToken);
        }

        /// <summary>The <c>result</c> of a result, query or update response as <typeparamref name="TResult"/>.</summary>
        private static TResult Result<TResult>(Dictionary<string, object> response)
        {
            return JsonConverter.To<TResult>(response.Get("result"));
        }

        private Dictionary<string, object> Reference(string runId)
        {
            var request = new Dictionary<string, object> { { "workflow_id", Id } };
            request.Put("run_id", runId);
            return request;
        }
    }
}
