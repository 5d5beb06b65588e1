using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Workflow updates: execute, start, and handles to sent updates.</summary>
    public sealed partial class WorkflowHandle
    {
        /// <summary>Sends an update, waits for it to complete and converts its result to <typeparamref name="TResult"/>.</summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The update id; null for a generated one.</param>
        /// <param name="cancellationToken">Stops waiting (an update already delivered still runs).</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed; the inner exception is the failure chain.</exception>
        /// <exception cref="RpcException">The workflow does not exist or is closed (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        /// <exception cref="InvalidCastException">The result does not convert to <typeparamref name="TResult"/>.</exception>
        public Task<TResult> ExecuteUpdateAsync<TResult>(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = UpdateRequest(update, args, options == null ? null : options.Id);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_update, request, Result<TResult>, cancellationToken);
        }

        /// <summary>Sends an update and waits for it to complete, ignoring its result.</summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The update id; null for a generated one.</param>
        /// <param name="cancellationToken">Stops waiting (an update already delivered still runs).</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed; the inner exception is the failure chain.</exception>
        /// <exception cref="RpcException">The workflow does not exist or is closed (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task ExecuteUpdateAsync(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return ExecuteUpdateAsync<RawJson>(update, args, options, cancellationToken);
        }

        /// <summary>
        /// Sends an update and returns its handle once the update reached
        /// <see cref="WorkflowUpdateStartOptions.WaitForStage"/>. As in the
        /// official SDK a rejected or failed update does not throw here: the
        /// handle's <c>GetResultAsync</c> throws <see cref="WorkflowUpdateFailedException"/>.
        /// </summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">Stage to wait for (default <see cref="WorkflowUpdateStage.Accepted"/>) and update id; null for the defaults.</param>
        /// <param name="cancellationToken">Stops waiting (an update already delivered still runs).</param>
        /// <exception cref="RpcException">The workflow does not exist or is closed (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public async Task<WorkflowUpdateHandle<TResult>> StartUpdateAsync<TResult>(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateStartOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            options = options ?? new WorkflowUpdateStartOptions();
            string id = options.Id ?? Guid.NewGuid().ToString();
            var request = UpdateRequest(update, args, id);
            request.PutEnum("wait_for_stage", options.WaitForStage);
            var handle = new WorkflowUpdateHandle<TResult>(Client, id, Id, RunId);
            try
            {
                handle.KnowResponse(
                    await Client.Connection.CallAsync(NativeMethods.tc_workflow_start_update, request, cancellationToken).ConfigureAwait(false));
            }
            catch (WorkflowUpdateFailedException e)
            {
                handle.KnowFailure(e);
            }
            return handle;
        }

        /// <summary>Like <see cref="StartUpdateAsync{TResult}"/>, for a handle whose result type is chosen when reading it.</summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">Stage to wait for (default <see cref="WorkflowUpdateStage.Accepted"/>) and update id; null for the defaults.</param>
        /// <param name="cancellationToken">Stops waiting (an update already delivered still runs).</param>
        /// <exception cref="RpcException">The workflow does not exist or is closed (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public async Task<WorkflowUpdateHandle> StartUpdateAsync(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateStartOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return await StartUpdateAsync<RawJson>(update, args, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A handle to an update already sent to this workflow (nothing is sent until its result is read).</summary>
        /// <param name="id">The update id.</param>
        /// <param name="workflowRunId">The run the update was sent to; null for <see cref="RunId"/>.</param>
        public WorkflowUpdateHandle GetUpdateHandle(string id, string workflowRunId = null)
        {
            return GetUpdateHandle<RawJson>(id, workflowRunId);
        }

        /// <summary>A handle to an already sent update whose result is read as <typeparamref name="TResult"/>.</summary>
        /// <param name="id">The update id.</param>
        /// <param name="workflowRunId">The run the update was sent to; null for <see cref="RunId"/>.</param>
        public WorkflowUpdateHandle<TResult> GetUpdateHandle<TResult>(string id, string workflowRunId = null)
        {
            Require.NotEmpty(id, "id", "An update id is required");
            return new WorkflowUpdateHandle<TResult>(Client, id, Id, workflowRunId ?? RunId);
        }

        private Dictionary<string, object> UpdateRequest(string update, IReadOnlyCollection<object> args, string id)
        {
            Require.NotEmpty(update, "update", "An update name is required");
            var request = Reference(RunId);
            request.Put("first_execution_run_id", FirstExecutionRunId);
            request["update_name"] = update;
            request["args"] = args ?? new object[0];
            request.Put("update_id", id);
            return request;
        }
    }
}
