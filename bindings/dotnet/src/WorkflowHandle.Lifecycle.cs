using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Deleting, pausing and resetting the workflow.</summary>
    public sealed partial class WorkflowHandle
    {
        /// <summary>
        /// Deletes the run (<see cref="RunId"/>; null: the latest) and its
        /// history; a running run is terminated first. The server finishes
        /// the deletion asynchronously, so describe may still find the run
        /// for a while (on the dev server up to about 30 s for a closed run).
        /// </summary>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task DeleteAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_delete, Reference(RunId), cancellationToken);
        }

        /// <summary>
        /// Pauses the workflow: no workflow or activity tasks are dispatched
        /// until <see cref="UnpauseAsync"/>. Describe then reports
        /// <see cref="WorkflowExecutionDescription.Paused"/> and the status
        /// <see cref="WorkflowExecutionStatus.Paused"/>. Needs the server's
        /// <c>frontend.WorkflowPauseEnabled</c>.
        /// </summary>
        /// <param name="reason">Recorded with the pause; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>), or the server refused.</exception>
        public Task PauseAsync(string reason = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request.Put("reason", reason);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_pause, request, cancellationToken);
        }

        /// <summary>Resumes a workflow paused with <see cref="PauseAsync"/>.</summary>
        /// <param name="reason">Recorded with the unpause; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>), or the server refused.</exception>
        public Task UnpauseAsync(string reason = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference(RunId);
            request.Put("reason", reason);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_unpause, request, cancellationToken);
        }

        /// <summary>
        /// Resets the run (<see cref="RunId"/>; null: the latest) to a point
        /// of its history: the run is terminated and a new run continues
        /// from that point (signals received after it are reapplied).
        /// </summary>
        /// <param name="options">The target (an event id or a named point), reason and request id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>A handle pinned to the new run (its <see cref="RunId"/> is the new run id).</returns>
        /// <exception cref="InvalidArgumentException">Neither or both of an event id and a target, or an unknown target.</exception>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>), or the server refused the event id.</exception>
        public Task<WorkflowHandle> ResetAsync(
            WorkflowResetOptions options, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(options, "options");
            var request = Reference(RunId);
            options.AddTo(request);
            return Client.Connection.CallAsync(NativeMethods.tc_workflow_reset, request, PinnedToNewRun, cancellationToken);
        }

        /// <summary>A handle pinned to the run a reset response (<c>{run_id}</c>) names.</summary>
        private WorkflowHandle PinnedToNewRun(Dictionary<string, object> response)
        {
            string runId = response.GetString("run_id");
            return new WorkflowHandle(Client, Id, runId, runId, null);
        }
    }
}
