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
        private TemporalClient(TemporalConnection connection, string ns)
        {
            Connection = connection;
            Namespace = ns;
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
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }
            var runtime = options.Runtime ?? TemporalRuntime.Default;
            runtime.ThrowIfDisposed();
            var json = Utf8.Encode(JsonWriter.Serialize(options.ToJson()));
            var reply = await PendingCall.Connect(runtime.Handle, json, cancellationToken).ConfigureAwait(false);
            try
            {
                var response = Replies.Response(reply, cancellationToken);
                return new TemporalClient(new TemporalConnection(reply.Client, runtime, response, options), response.GetString("namespace"));
            }
            catch
            {
                if (reply.Client != null)
                {
                    reply.Client.Dispose();
                }
                throw;
            }
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
        public async Task<WorkflowHandle> StartWorkflowAsync(
            string workflow,
            IReadOnlyCollection<object> args,
            WorkflowOptions options,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            if (workflow == null)
            {
                throw new ArgumentNullException("workflow");
            }
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }
            var request = options.ToRequest(workflow, args);
            NativeMethods.Operation operation = options.StartSignal == null
                ? (NativeMethods.Operation)NativeMethods.tc_workflow_start
                : NativeMethods.tc_workflow_signal_with_start;
            var response = await CallAsync(operation, request, cancellationToken).ConfigureAwait(false);
            string runId = response.GetString("run_id");
            return new WorkflowHandle(this, response.GetString("workflow_id"), null, runId, runId);
        }

        /// <summary>
        /// A handle to an existing workflow. Without <paramref name="runId"/>
        /// it addresses the latest run of <paramref name="id"/>.
        /// </summary>
        public WorkflowHandle GetWorkflowHandle(string id, string runId = null, string firstExecutionRunId = null)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("A workflow id is required", "id");
            }
            return new WorkflowHandle(this, id, runId, null, firstExecutionRunId);
        }

        /// <summary>Disposes <see cref="Connection"/>.</summary>
        public void Dispose()
        {
            Connection.Dispose();
        }

        /// <summary>Runs an operation on this client's native handle and returns its response.</summary>
        internal Task<Dictionary<string, object>> CallAsync(
            NativeMethods.Operation operation, Dictionary<string, object> request, CancellationToken cancellationToken)
        {
            return Connection.CallAsync(operation, request, cancellationToken);
        }
    }
}
