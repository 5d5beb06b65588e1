using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// The state of an orchestration instance (a workflow): what
    /// <see cref="DurableTaskClient.GetInstanceAsync"/>,
    /// <see cref="DurableTaskClient.WaitForInstanceStartAsync"/> and
    /// <see cref="DurableTaskClient.WaitForInstanceCompletionAsync"/> report.
    /// </summary>
    /// <remarks>
    /// Inputs, output and failure are known once the run has closed: for an
    /// open run <see cref="Input"/>, <see cref="SerializedInput"/>,
    /// <see cref="SerializedOutput"/> and <see cref="Failure"/> are null
    /// (read the input from <see cref="WorkflowHandle.FetchHistoryAsync"/>).
    /// </remarks>
    public sealed class OrchestrationMetadata
    {
        private OrchestrationMetadata()
        {
        }

        /// <summary>The instance (workflow) id.</summary>
        public string InstanceId { get; private set; }

        /// <summary>The run the metadata describes (for a completion: the final run of a continue-as-new chain).</summary>
        public string RunId { get; private set; }

        /// <summary>The orchestrator (workflow type) name.</summary>
        public string Name { get; private set; }

        /// <summary>
        /// The status: <see cref="WorkflowExecutionStatus.Running"/> or
        /// <see cref="WorkflowExecutionStatus.Paused"/> (Suspended) while
        /// open; <see cref="WorkflowExecutionStatus.Completed"/>,
        /// <see cref="WorkflowExecutionStatus.Failed"/>,
        /// <see cref="WorkflowExecutionStatus.Canceled"/>,
        /// <see cref="WorkflowExecutionStatus.Terminated"/> or
        /// <see cref="WorkflowExecutionStatus.TimedOut"/> once closed.
        /// </summary>
        public WorkflowExecutionStatus RuntimeStatus { get; private set; }

        /// <summary>When the instance was started (UTC).</summary>
        public DateTime? CreatedAt { get; private set; }

        /// <summary>When the instance closed (UTC); null while it is open.</summary>
        public DateTime? LastUpdatedAt { get; private set; }

        /// <summary>Whether the instance is open (running or suspended).</summary>
        public bool IsRunning
        {
            get { return RuntimeStatus == WorkflowExecutionStatus.Running || RuntimeStatus == WorkflowExecutionStatus.Paused; }
        }

        /// <summary>Whether the instance has closed, however it ended.</summary>
        public bool IsCompleted
        {
            get { return IsClosed(RuntimeStatus); }
        }

        /// <summary>Every argument of the (final) run; null unless inputs and outputs were asked for and the run closed.</summary>
        public IReadOnlyList<RawJson> Input { get; private set; }

        /// <summary>The input (the first argument) as JSON text; null when not fetched (or no argument).</summary>
        public string SerializedInput { get; private set; }

        /// <summary>The result as JSON text; null when not fetched or the run did not complete.</summary>
        public string SerializedOutput { get; private set; }

        /// <summary>
        /// Why the run did not complete: an <see cref="ApplicationFailureException"/>
        /// (failed), <see cref="CanceledFailureException"/>,
        /// <see cref="TerminatedFailureException"/> (message = the reason;
        /// details = the termination output) or
        /// <see cref="TimeoutFailureException"/>; null otherwise.
        /// </summary>
        public FailureException Failure { get; private set; }

        /// <summary>The description the metadata was made from (<see cref="DurableTaskClient.GetInstanceAsync"/>, <see cref="DurableTaskClient.WaitForInstanceStartAsync"/>); null from a completion wait.</summary>
        public WorkflowExecutionDescription Description { get; private set; }

        /// <summary>Converts the input (the first argument) to <typeparamref name="T"/>; default when there is none.</summary>
        /// <exception cref="InvalidCastException">The JSON does not fit <typeparamref name="T"/>.</exception>
        public T ReadInputAs<T>()
        {
            return Input == null || Input.Count == 0 ? default(T) : Input[0].ToValue<T>();
        }

        /// <summary>Converts the result to <typeparamref name="T"/>; default when there is none.</summary>
        /// <exception cref="InvalidCastException">The JSON does not fit <typeparamref name="T"/>.</exception>
        public T ReadOutputAs<T>()
        {
            return SerializedOutput == null ? default(T) : new RawJson(SerializedOutput).ToValue<T>();
        }

        /// <summary>Whether a run with this status has closed for good (continue-as-new excluded).</summary>
        internal static bool IsClosed(WorkflowExecutionStatus status)
        {
            switch (status)
            {
                case WorkflowExecutionStatus.Completed:
                case WorkflowExecutionStatus.Failed:
                case WorkflowExecutionStatus.Canceled:
                case WorkflowExecutionStatus.Terminated:
                case WorkflowExecutionStatus.TimedOut:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Metadata of an open (or just described) run.</summary>
        internal static OrchestrationMetadata FromDescription(WorkflowExecutionDescription description)
        {
            return new OrchestrationMetadata
            {
                InstanceId = description.Id,
                RunId = description.RunId,
                Name = description.WorkflowType,
                RuntimeStatus = description.Status,
                CreatedAt = description.StartTime,
                LastUpdatedAt = description.CloseTime,
                Description = description,
            };
        }

        /// <summary>Metadata from a <c>tc_workflow_wait_for_completion</c> response, with the description when there is one.</summary>
        internal static OrchestrationMetadata FromCompletion(Dictionary<string, object> json, WorkflowExecutionDescription description)
        {
            var metadata = new OrchestrationMetadata
            {
                InstanceId = json.GetString("workflow_id"),
                RunId = json.GetString("run_id"),
                Name = json.GetString("workflow_type"),
                RuntimeStatus = json.GetEnum("status", WorkflowExecutionStatus.Unspecified),
                CreatedAt = json.GetTime("created_at"),
                LastUpdatedAt = json.GetTime("last_updated_at"),
                Failure = FailureMapper.ToException(json.GetObject("failure")),
                Description = description,
            };
            if (json.ContainsKey("input"))
            {
                metadata.Input = json.GetRawList("input");
                metadata.SerializedInput = metadata.Input.Count == 0 ? null : metadata.Input[0].Json;
            }
            if (json.ContainsKey("output") && metadata.RuntimeStatus == WorkflowExecutionStatus.Completed)
            {
                metadata.SerializedOutput = RawJson.FromParsed(json.Get("output")).Json;
            }
            return metadata;
        }
    }
}
