using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// One update of a workflow. Get one from
    /// <see cref="WorkflowHandle.StartUpdateAsync(string, IReadOnlyCollection{object}, WorkflowUpdateStartOptions, CancellationToken)"/>,
    /// <see cref="WorkflowHandle.GetUpdateHandle(string, string)"/> or
    /// <see cref="TemporalClient.StartUpdateWithStartWorkflowAsync(string, IReadOnlyCollection{object}, WorkflowStartUpdateWithStartOptions, CancellationToken)"/>.
    /// </summary>
    public class WorkflowUpdateHandle
    {
        private readonly object gate = new object();
        private bool hasResult;
        private object result;
        private WorkflowUpdateFailedException failure;

        internal WorkflowUpdateHandle(TemporalClient client, string id, string workflowId, string workflowRunId)
        {
            Client = client;
            Id = id;
            WorkflowId = workflowId;
            WorkflowRunId = workflowRunId;
        }

        /// <summary>The client the handle calls through.</summary>
        public TemporalClient Client { get; private set; }

        /// <summary>The update's id.</summary>
        public string Id { get; private set; }

        /// <summary>The id of the workflow the update was sent to.</summary>
        public string WorkflowId { get; private set; }

        /// <summary>The run the update was sent to; null for the latest run.</summary>
        public string WorkflowRunId { get; private set; }

        /// <summary>Waits for the update to complete, ignoring its result.</summary>
        /// <param name="cancellationToken">Stops waiting (the update is not affected).</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed; the inner exception is the failure.</exception>
        /// <exception cref="RpcException">No such update or workflow (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task GetResultAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetResultAsync<RawJson>(cancellationToken);
        }

        /// <summary>
        /// Waits for the update to complete and converts its result to
        /// <typeparamref name="TResult"/>. No call is made once the outcome
        /// is known (it was returned with the start, or by an earlier wait).
        /// </summary>
        /// <param name="cancellationToken">Stops waiting (the update is not affected).</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed; the inner exception is the failure.</exception>
        /// <exception cref="RpcException">No such update or workflow (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        /// <exception cref="System.InvalidCastException">The result does not convert to <typeparamref name="TResult"/>.</exception>
        public async Task<TResult> GetResultAsync<TResult>(CancellationToken cancellationToken = default(CancellationToken))
        {
            var outcome = await OutcomeAsync(cancellationToken).ConfigureAwait(false);
            return JsonConverter.To<TResult>(outcome);
        }

        /// <summary>Records the result a start-update response carried, if it carried one.</summary>
        internal void KnowResponse(Dictionary<string, object> response)
        {
            object value;
            if (response.TryGetValue("result", out value))
            {
                lock (gate)
                {
                    result = value;
                    hasResult = true;
                }
            }
        }

        /// <summary>Records that the update was rejected or failed.</summary>
        internal void KnowFailure(WorkflowUpdateFailedException exception)
        {
            lock (gate)
            {
                failure = exception;
            }
        }

        private async Task<object> OutcomeAsync(CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (failure != null)
                {
                    throw failure;
                }
                if (hasResult)
                {
                    return result;
                }
            }
            var request = new Dictionary<string, object> { { "workflow_id", WorkflowId }, { "update_id", Id } };
            request.Put("run_id", WorkflowRunId);
            Dictionary<string, object> response;
            try
            {
                response = await Client.Connection.CallAsync(NativeMethods.tc_workflow_update_result, request, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (WorkflowUpdateFailedException e)
            {
                KnowFailure(e);
                throw;
            }
            var value = response.Get("result");
            lock (gate)
            {
                result = value;
                hasResult = true;
            }
            return value;
        }
    }
}
