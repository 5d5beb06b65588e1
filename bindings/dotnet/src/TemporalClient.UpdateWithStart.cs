using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Update-with-start: send an update, starting the workflow first when needed.</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>
        /// Sends an update to the workflow of <see cref="WorkflowUpdateWithStartOptions.StartWorkflowOperation"/>,
        /// starting it first unless a run with its id is open, waits for the
        /// update to complete and converts its result to <typeparamref name="TResult"/>.
        /// Afterwards the operation's <see cref="WithStartWorkflowOperation.GetHandleAsync"/> gives the workflow.
        /// </summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The update's arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The workflow operation and the update id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed (the workflow was started or found nonetheless).</exception>
        /// <exception cref="WorkflowAlreadyStartedException">A run with the id is open and the conflict policy is <see cref="WorkflowIdConflictPolicy.Fail"/>.</exception>
        /// <exception cref="InvalidOperationException">The operation was used before.</exception>
        public async Task<TResult> ExecuteUpdateWithStartWorkflowAsync<TResult>(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateWithStartOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(options, "options");
            var start = new WorkflowStartUpdateWithStartOptions(options.StartWorkflowOperation, WorkflowUpdateStage.Completed)
            {
                Id = options.Id,
            };
            var handle = await StartUpdateWithStartWorkflowAsync<TResult>(update, args, start, cancellationToken).ConfigureAwait(false);
            return await handle.GetResultAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Like <see cref="ExecuteUpdateWithStartWorkflowAsync{TResult}"/>, ignoring the update's result.</summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The update's arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The workflow operation and the update id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowUpdateFailedException">The validator rejected the update or its handler failed.</exception>
        /// <exception cref="WorkflowAlreadyStartedException">A run with the id is open and the conflict policy is <see cref="WorkflowIdConflictPolicy.Fail"/>.</exception>
        public Task ExecuteUpdateWithStartWorkflowAsync(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowUpdateWithStartOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return ExecuteUpdateWithStartWorkflowAsync<RawJson>(update, args, options, cancellationToken);
        }

        /// <summary>
        /// Sends an update to the workflow of <see cref="WorkflowStartUpdateWithStartOptions.StartWorkflowOperation"/>,
        /// starting it first unless a run with its id is open, and returns the
        /// update's handle once it reached <see cref="WorkflowStartUpdateWithStartOptions.WaitForStage"/>.
        /// A rejected or failed update does not throw here: the handle's
        /// <c>GetResultAsync</c> throws <see cref="WorkflowUpdateFailedException"/>.
        /// Afterwards the operation's <see cref="WithStartWorkflowOperation.GetHandleAsync"/>
        /// gives the workflow, or throws this call's error.
        /// </summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The update's arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The workflow operation, the stage to wait for and the update id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowAlreadyStartedException">A run with the id is open and the conflict policy is <see cref="WorkflowIdConflictPolicy.Fail"/>.</exception>
        /// <exception cref="InvalidOperationException">The operation was used before.</exception>
        public async Task<WorkflowUpdateHandle<TResult>> StartUpdateWithStartWorkflowAsync<TResult>(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowStartUpdateWithStartOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotEmpty(update, "update", "An update name is required");
            Require.NotNull(options, "options");
            var operation = options.StartWorkflowOperation;
            var request = operation.Claim();
            string id = options.Id ?? Guid.NewGuid().ToString();
            string workflowId = (string)request["id"];
            request["update_name"] = update;
            request["update_args"] = args ?? new object[0];
            request["update_id"] = id;
            request.PutEnum("wait_for_stage", options.WaitForStage);
            Dictionary<string, object> response;
            try
            {
                response = await Connection.CallAsync(NativeMethods.tc_workflow_update_with_start, request, cancellationToken).ConfigureAwait(false);
            }
            catch (WorkflowUpdateFailedException e)
            {
                operation.SetHandle(GetWorkflowHandle(workflowId));
                var failed = new WorkflowUpdateHandle<TResult>(this, id, workflowId, null);
                failed.KnowFailure(e);
                return failed;
            }
            catch (Exception e)
            {
                operation.SetError(e);
                throw;
            }
            string runId = response.GetString("run_id");
            string firstRunId = response.GetBool("started") ? runId : null;
            operation.SetHandle(new WorkflowHandle(this, response.GetString("workflow_id"), null, runId, firstRunId));
            var handle = new WorkflowUpdateHandle<TResult>(this, response.GetString("update_id") ?? id, response.GetString("workflow_id"), runId);
            handle.KnowResponse(response);
            return handle;
        }

        /// <summary>Like <see cref="StartUpdateWithStartWorkflowAsync{TResult}"/>, for a handle whose result type is chosen when reading it.</summary>
        /// <param name="update">The update name.</param>
        /// <param name="args">The update's arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">The workflow operation, the stage to wait for and the update id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowAlreadyStartedException">A run with the id is open and the conflict policy is <see cref="WorkflowIdConflictPolicy.Fail"/>.</exception>
        public async Task<WorkflowUpdateHandle> StartUpdateWithStartWorkflowAsync(
            string update,
            IReadOnlyCollection<object> args,
            WorkflowStartUpdateWithStartOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return await StartUpdateWithStartWorkflowAsync<RawJson>(update, args, options, cancellationToken).ConfigureAwait(false);
        }
    }
}
