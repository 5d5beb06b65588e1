using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>A client of one namespace of a Temporal server.</summary>
    public sealed partial class TemporalClient : IDisposable
    {
        private TemporalClient(TemporalConnection connection)
        {
            Connection = connection;
            Namespace = connection.Namespace;
        }

        /// <summary>The connection (server details, API key, metadata).</summary>
        public TemporalConnection Connection { get; private set; }

        /// <summary>The namespace this client works in.</summary>
        public string Namespace { get; private set; }

        /// <summary>Connects to a server.</summary>
        /// <exception cref="RpcException">The server could not be reached (<see cref="RpcException.StatusCode.Unavailable"/>) or refused.</exception>
        /// <exception cref="InvalidArgumentException">The options were rejected.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static async Task<TemporalClient> ConnectAsync(
            TemporalClientConnectOptions options, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(options, "options");
            var connection = await TemporalConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            return new TemporalClient(connection);
        }

        /// <summary>
        /// Starts a workflow (or, after <see cref="WorkflowOptions.SignalWithStart"/>,
        /// signals it, starting it first if needed) and returns its handle.
        /// </summary>
        /// <param name="workflow">The workflow type name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>.</param>
        /// <param name="options">Id, task queue and the other start options.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="WorkflowAlreadyStartedException">A run with the id is open (or the reuse policy forbids a new one).</exception>
        public Task<WorkflowHandle> StartWorkflowAsync(
            string workflow,
            IReadOnlyCollection<object> args,
            WorkflowOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(workflow, "workflow");
            Require.NotNull(options, "options");
            var request = options.ToRequest(workflow, args);
            NativeMethods.Operation operation = options.StartSignal == null
                ? (NativeMethods.Operation)NativeMethods.tc_workflow_start
                : NativeMethods.tc_workflow_signal_with_start;
            return Connection.CallAsync(operation, request, Started, cancellationToken);
        }

        /// <summary>
        /// A handle to an existing workflow. Without <paramref name="runId"/>
        /// it addresses the latest run of <paramref name="id"/>.
        /// </summary>
        public WorkflowHandle GetWorkflowHandle(string id, string runId = null, string firstExecutionRunId = null)
        {
            Require.NotEmpty(id, "id", "A workflow id is required");
            return new WorkflowHandle(this, id, runId, null, firstExecutionRunId);
        }

        /// <summary>Disposes <see cref="Connection"/>.</summary>
        public void Dispose()
        {
            Connection.Dispose();
        }

        /// <summary>A handle to the run a start (<c>{workflow_id, run_id}</c>) started or signalled.</summary>
        private WorkflowHandle Started(Dictionary<string, object> response)
        {
            string runId = response.GetString("run_id");
            return new WorkflowHandle(this, response.GetString("workflow_id"), null, runId, runId);
        }
    }
}
