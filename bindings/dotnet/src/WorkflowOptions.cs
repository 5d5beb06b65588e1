using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>Options of <see cref="TemporalClient.StartWorkflowAsync"/>; <see cref="Id"/> and <see cref="TaskQueue"/> are required.</summary>
    public sealed class WorkflowOptions
    {
        /// <summary>Creates empty options; set at least <see cref="Id"/> and <see cref="TaskQueue"/>.</summary>
        public WorkflowOptions()
        {
        }

        /// <summary>Creates options with the required id and task queue.</summary>
        public WorkflowOptions(string id, string taskQueue)
        {
            Id = id;
            TaskQueue = taskQueue;
        }

        /// <summary>The workflow id (unique among open runs in the namespace).</summary>
        public string Id { get; set; }

        /// <summary>The task queue the workflow's workers poll.</summary>
        public string TaskQueue { get; set; }

        /// <summary>Bound on the whole execution including retries and continue-as-new.</summary>
        public TimeSpan? ExecutionTimeout { get; set; }

        /// <summary>Bound on a single run.</summary>
        public TimeSpan? RunTimeout { get; set; }

        /// <summary>Bound on a single workflow task.</summary>
        public TimeSpan? TaskTimeout { get; set; }

        /// <summary>Whether the id of a closed run may be reused.</summary>
        public WorkflowIdReusePolicy IdReusePolicy { get; set; }

        /// <summary>What to do when a run with the id is open.</summary>
        public WorkflowIdConflictPolicy IdConflictPolicy { get; set; }

        /// <summary>How failed runs are retried; null means not at all.</summary>
        public RetryPolicy RetryPolicy { get; set; }

        /// <summary>A cron schedule the workflow runs on.</summary>
        public string CronSchedule { get; set; }

        /// <summary>Memo values (any JSON-serializable values, or <see cref="RawJson"/>).</summary>
        public IReadOnlyDictionary<string, object> Memo { get; set; }

        /// <summary>Typed search attributes.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; set; }

        /// <summary>Delay before the first workflow task.</summary>
        public TimeSpan? StartDelay { get; set; }

        /// <summary>Single-line summary shown in the UI.</summary>
        public string StaticSummary { get; set; }

        /// <summary>Multi-line details shown in the UI.</summary>
        public string StaticDetails { get; set; }

        /// <summary>The signal sent with the start, set by <see cref="SignalWithStart"/>.</summary>
        internal string StartSignal { get; private set; }

        /// <summary>The arguments of <see cref="StartSignal"/>.</summary>
        internal IReadOnlyCollection<object> StartSignalArgs { get; private set; }

        /// <summary>
        /// Makes the start a signal-with-start: the signal is delivered to the
        /// running workflow with this id, which is started first if needed.
        /// </summary>
        public void SignalWithStart(string signal, IReadOnlyCollection<object> args)
        {
            Require.NotEmpty(signal, "signal", "A signal name is required");
            StartSignal = signal;
            StartSignalArgs = args ?? new object[0];
        }

        /// <summary>The <c>tc_workflow_start</c> / <c>tc_workflow_signal_with_start</c> request.</summary>
        internal Dictionary<string, object> ToRequest(string workflow, IReadOnlyCollection<object> args)
        {
            Require.NotEmpty(Id, "options", "WorkflowOptions.Id is required");
            Require.NotEmpty(TaskQueue, "options", "WorkflowOptions.TaskQueue is required");
            var request = new Dictionary<string, object>
            {
                { "workflow_type", workflow },
                { "task_queue", TaskQueue },
                { "id", Id },
                { "args", args ?? new object[0] },
            };
            request.PutSeconds("execution_timeout", ExecutionTimeout);
            request.PutSeconds("run_timeout", RunTimeout);
            request.PutSeconds("task_timeout", TaskTimeout);
            request.PutEnum("id_reuse_policy", IdReusePolicy);
            request.PutEnum("id_conflict_policy", IdConflictPolicy);
            request.Put("retry_policy", RetryPolicy == null ? null : RetryPolicy.ToJson());
            request.Put("cron_schedule", CronSchedule);
            request.Put("memo", RequestFields.ObjectOf(Memo));
            request.Put("search_attributes", TypedSearchAttributes == null ? null : TypedSearchAttributes.ToJson());
            request.PutSeconds("start_delay", StartDelay);
            request.Put("static_summary", StaticSummary);
            request.Put("static_details", StaticDetails);
            if (StartSignal != null)
            {
                request["signal_name"] = StartSignal;
                request["signal_args"] = StartSignalArgs;
            }
            return request;
        }
    }
}
