using System.Threading;
using System.Threading.Tasks;

namespace TemporalCapi
{
    /// <summary>A <see cref="WorkflowUpdateHandle"/> whose result is read as <typeparamref name="TResult"/>.</summary>
    /// <typeparam name="TResult">The type the update's result converts to.</typeparam>
    public class WorkflowUpdateHandle<TResult> : WorkflowUpdateHandle
    {
        internal WorkflowUpdateHandle(TemporalClient client, string id, string workflowId, string workflowRunId)
            : base(client, id, workflowId, workflowRunId)
        {
        }

        /// <summary>Waits for the update to complete and returns its result as <typeparamref name="TResult"/>.</summary>
        /// <param name="cancellationToken">Stops waiting (the update is not affected).</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed; the inner exception is the failure.</exception>
        /// <exception cref="RpcException">No such update or workflow (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        /// <exception cref="System.InvalidCastException">The result does not convert to <typeparamref name="TResult"/>.</exception>
        public new Task<TResult> GetResultAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return GetResultAsync<TResult>(cancellationToken);
        }
    }
}
