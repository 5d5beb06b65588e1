using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// The action of starting a workflow: the arguments of
    /// <see cref="TemporalClient.StartWorkflowAsync"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="WorkflowOptions.Id"/> and <see cref="WorkflowOptions.TaskQueue"/>
    /// are required; the server appends the scheduled time to the id for every
    /// workflow it starts (<c>&lt;id&gt;-2030-01-02T03:04:05Z</c>). The options a
    /// schedule cannot honour (<see cref="WorkflowOptions.IdReusePolicy"/>,
    /// <see cref="WorkflowOptions.IdConflictPolicy"/>,
    /// <see cref="WorkflowOptions.StartDelay"/>, <see cref="WorkflowOptions.CronSchedule"/>)
    /// are refused with <see cref="InvalidArgumentException"/> naming
    /// <c>action.start_workflow.&lt;key&gt;</c>, and a
    /// <see cref="WorkflowOptions.SignalWithStart"/> with <see cref="ArgumentException"/>.
    /// Described actions hold the arguments, memo values and headers as
    /// <see cref="RawJson"/>; an empty memo, search attribute set or header set
    /// reads back as null.
    /// </remarks>
    public sealed class ScheduleActionStartWorkflow : ScheduleAction
    {
        /// <summary>Creates the action.</summary>
        /// <param name="workflow">The workflow type name.</param>
        /// <param name="args">The arguments: JSON-serializable values or <see cref="RawJson"/>.</param>
        /// <param name="options">Id, task queue and the other start options.</param>
        /// <param name="headers">The workflow header's fields as JSON values; null for none.</param>
        public ScheduleActionStartWorkflow(
            string workflow,
            IReadOnlyCollection<object> args,
            WorkflowOptions options,
            IReadOnlyDictionary<string, object> headers = null)
        {
            Workflow = workflow;
            Args = args;
            Options = options;
            Headers = headers;
        }

        /// <summary>The workflow type name.</summary>
        public string Workflow { get; set; }

        /// <summary>The arguments.</summary>
        public IReadOnlyCollection<object> Args { get; set; }

        /// <summary>The start options.</summary>
        public WorkflowOptions Options { get; set; }

        /// <summary>The workflow header's fields as JSON values; null for none.</summary>
        public IReadOnlyDictionary<string, object> Headers { get; set; }

        /// <summary>Creates the action (the official SDK's factory).</summary>
        public static ScheduleActionStartWorkflow Create(string workflow, IReadOnlyCollection<object> args, WorkflowOptions options)
        {
            return new ScheduleActionStartWorkflow(workflow, args, options);
        }

        /// <summary><c>{"start_workflow": &lt;the tc_workflow_start keys&gt;}</c>.</summary>
        internal override Dictionary<string, object> ToJson()
        {
            if (Workflow == null)
            {
                throw new ArgumentException("ScheduleActionStartWorkflow.Workflow is required", "schedule");
            }
            if (Options == null)
            {
                throw new ArgumentException("ScheduleActionStartWorkflow.Options is required", "schedule");
            }
            if (Options.StartSignal != null)
            {
                throw new ArgumentException("A scheduled workflow cannot be a signal-with-start", "schedule");
            }
            var start = Options.ToRequest(Workflow, Args);
            if (Headers != null && Headers.Count > 0)
            {
                start["headers"] = RequestFields.ObjectOf(Headers);
            }
            return new Dictionary<string, object> { { "start_workflow", start } };
        }

        /// <summary>Reads the <c>start_workflow</c> object of a described action.</summary>
        internal static ScheduleActionStartWorkflow FromStartJson(Dictionary<string, object> json)
        {
            var options = new WorkflowOptions(json.GetString("id"), json.GetString("task_queue"))
            {
                ExecutionTimeout = json.GetSeconds("execution_timeout"),
                RunTimeout = json.GetSeconds("run_timeout"),
                TaskTimeout = json.GetSeconds("task_timeout"),
                RetryPolicy = RetryPolicy.FromJson(json.GetObject("retry_policy")),
                Memo = ValuesOrNull(json, "memo"),
                StaticSummary = json.GetString("static_summary"),
                StaticDetails = json.GetString("static_details"),
            };
            var attributes = SearchAttributeCollection.FromJson(json.GetObject("search_attributes"));
            options.TypedSearchAttributes = attributes.Count == 0 ? null : attributes;
            return new ScheduleActionStartWorkflow(
                json.GetString("workflow_type"), json.GetRawList("args"), options, ValuesOrNull(json, "headers"));
        }

        private static IReadOnlyDictionary<string, object> ValuesOrNull(Dictionary<string, object> json, string key)
        {
            var values = json.GetRawMap(key);
            if (values.Count == 0)
            {
                return null;
            }
            var result = new Dictionary<string, object>();
            foreach (var value in values)
            {
                result[value.Key] = value.Value;
            }
            return result;
        }
    }
}
