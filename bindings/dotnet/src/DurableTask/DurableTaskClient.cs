using System;
using System.Threading;
using System.Threading.Tasks;

namespace TemporalCapi
{
    /// <summary>
    /// The Durable Task <c>DurableTaskClient</c> names over a
    /// <see cref="TemporalClient"/>: an orchestration instance is a workflow
    /// (instance id = workflow id, orchestrator name = workflow type), an
    /// event is a signal, suspend/resume is pause/unpause and purge is
    /// delete. Get one with <see cref="TemporalClient.GetDurableTaskClient"/>;
    /// it holds no resources of its own. docs/dotnet.md maps every method to
    /// its Temporal equivalent.
    /// </summary>
    public sealed partial class DurableTaskClient
    {
        internal DurableTaskClient(TemporalClient client, string taskQueue)
        {
            Client = client;
            TaskQueue = taskQueue;
        }

        /// <summary>The Temporal client every call goes through.</summary>
        public TemporalClient Client { get; private set; }

        /// <summary>The task queue new instances are scheduled on (unless <see cref="StartOrchestrationOptions.TaskQueue"/> says otherwise); may be null.</summary>
        public string TaskQueue { get; private set; }

        /// <summary>Starts a new instance: <see cref="TemporalClient.StartWorkflowAsync"/> with a start delay for <see cref="StartOrchestrationOptions.StartAt"/>.</summary>
        /// <param name="orchestratorName">The workflow type.</param>
        /// <param name="input">The single argument (any JSON-serializable value or <see cref="RawJson"/>); null for none.</param>
        /// <param name="options">Instance id, start time and task queue; null for a fresh id, now, and <see cref="TaskQueue"/>.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>The instance id.</returns>
        /// <exception cref="ArgumentException">Neither the options nor this client name a task queue.</exception>
        /// <exception cref="WorkflowAlreadyStartedException">An instance with the id is open.</exception>
        public async Task<string> ScheduleNewOrchestrationInstanceAsync(
            string orchestratorName,
            object input = null,
            StartOrchestrationOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            options = options ?? new StartOrchestrationOptions();
            string taskQueue = options.TaskQueue ?? TaskQueue;
            if (string.IsNullOrEmpty(taskQueue))
            {
                throw new ArgumentException(
                    "A task queue is required: set StartOrchestrationOptions.TaskQueue or pass one to GetDurableTaskClient", "options");
            }
            var start = new WorkflowOptions(options.InstanceId ?? Guid.NewGuid().ToString("N"), taskQueue);
            if (options.StartAt.HasValue)
            {
                var delay = options.StartAt.Value - DateTimeOffset.UtcNow;
                if (delay > TimeSpan.Zero)
                {
                    start.StartDelay = delay;
                }
            }
            var args = input == null ? new object[0] : new[] { input };
            var handle = await Client.StartWorkflowAsync(orchestratorName, args, start, cancellationToken).ConfigureAwait(false);
            return handle.Id;
        }

        /// <summary>Sends the event: <see cref="WorkflowHandle.SignalAsync"/> of signal <paramref name="eventName"/> to the latest run.</summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="eventName">The signal name.</param>
        /// <param name="eventData">The signal's single argument; null sends no argument.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">No open instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task RaiseEventAsync(
            string instanceId, string eventName, object eventData = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var args = eventData == null ? new object[0] : new[] { eventData };
            return Client.GetWorkflowHandle(instanceId).SignalAsync(eventName, args, cancellationToken);
        }

        /// <summary>
        /// Terminates the instance: <see cref="WorkflowHandle.TerminateAsync"/>
        /// with <paramref name="output"/> as the single detail (and, when it is
        /// a string, as the reason too). A completion wait then reports it as
        /// a <see cref="TerminatedFailureException"/>.
        /// </summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="output">Recorded with the termination; null for nothing.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">No open instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task TerminateInstanceAsync(
            string instanceId, object output = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var details = output == null ? null : new[] { output };
            return Client.GetWorkflowHandle(instanceId).TerminateAsync(output as string, details, cancellationToken);
        }

        /// <summary>Suspends the instance: <see cref="WorkflowHandle.PauseAsync"/>; its status becomes <see cref="WorkflowExecutionStatus.Paused"/>.</summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="reason">Recorded with the pause; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">No instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task SuspendInstanceAsync(
            string instanceId, string reason = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.GetWorkflowHandle(instanceId).PauseAsync(reason, cancellationToken);
        }

        /// <summary>Resumes a suspended instance: <see cref="WorkflowHandle.UnpauseAsync"/>.</summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="reason">Recorded with the unpause; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">No instance has the id (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task ResumeInstanceAsync(
            string instanceId, string reason = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.GetWorkflowHandle(instanceId).UnpauseAsync(reason, cancellationToken);
        }

        /// <summary>
        /// Deletes the instance and its history (<see cref="WorkflowHandle.DeleteAsync"/>;
        /// an open one is terminated first). The server finishes the deletion
        /// asynchronously.
        /// </summary>
        /// <param name="instanceId">The instance id.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>A count of 1, or 0 when no instance has the id (as in Durable Task).</returns>
        public async Task<PurgeResult> PurgeInstanceAsync(
            string instanceId, CancellationToken cancellationToken = default(CancellationToken))
        {
            try
            {
                await Client.GetWorkflowHandle(instanceId).DeleteAsync(cancellationToken).ConfigureAwait(false);
                return new PurgeResult(1);
            }
            catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
            {
                return new PurgeResult(0);
            }
        }
    }
}
