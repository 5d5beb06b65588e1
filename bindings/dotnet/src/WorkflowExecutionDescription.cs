using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What <see cref="WorkflowHandle.DescribeAsync"/> reports about a run.</summary>
    public sealed class WorkflowExecutionDescription
    {
        internal WorkflowExecutionDescription(Dictionary<string, object> json)
        {
            Id = json.GetString("workflow_id");
            RunId = json.GetString("run_id");
            WorkflowType = json.GetString("workflow_type");
            TaskQueue = json.GetString("task_queue");
            Status = json.GetEnum("status", WorkflowExecutionStatus.Unspecified);
            StartTime = json.GetTime("start_time");
            ExecutionTime = json.GetTime("execution_time");
            CloseTime = json.GetTime("close_time");
            HistoryLength = json.GetLong("history_length") ?? 0;
            ExecutionTimeout = json.GetSeconds("execution_timeout");
            RunTimeout = json.GetSeconds("run_timeout");
            TaskTimeout = json.GetSeconds("task_timeout");
            Memo = json.GetRawMap("memo");
            TypedSearchAttributes = SearchAttributeCollection.FromJson(json.GetObject("search_attributes"));
            ParentId = json.GetObject("parent").GetString("workflow_id");
            ParentRunId = json.GetObject("parent").GetString("run_id");
            FirstRunId = json.GetString("first_run_id");
            StaticSummary = json.GetString("static_summary");
            StaticDetails = json.GetString("static_details");
            CancelRequested = json.GetBool("cancel_requested");
            RawDescription = RawJson.FromParsed(json);
        }

        /// <summary>The workflow id.</summary>
        public string Id { get; private set; }

        /// <summary>The run id.</summary>
        public string RunId { get; private set; }

        /// <summary>The workflow type name.</summary>
        public string WorkflowType { get; private set; }

        /// <summary>The task queue.</summary>
        public string TaskQueue { get; private set; }

        /// <summary>The run's status.</summary>
        public WorkflowExecutionStatus Status { get; private set; }

        /// <summary>When the run was started (UTC).</summary>
        public DateTime? StartTime { get; private set; }

        /// <summary>When the run began executing, after any start delay or cron wait (UTC).</summary>
        public DateTime? ExecutionTime { get; private set; }

        /// <summary>When the run closed (UTC); null while open.</summary>
        public DateTime? CloseTime { get; private set; }

        /// <summary>Number of history events.</summary>
        public long HistoryLength { get; private set; }

        /// <summary>The execution timeout, if any.</summary>
        public TimeSpan? ExecutionTimeout { get; private set; }

        /// <summary>The run timeout, if any.</summary>
        public TimeSpan? RunTimeout { get; private set; }

        /// <summary>The workflow task timeout.</summary>
        public TimeSpan? TaskTimeout { get; private set; }

        /// <summary>The memo, as JSON values.</summary>
        public IReadOnlyDictionary<string, RawJson> Memo { get; private set; }

        /// <summary>The search attributes.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; private set; }

        /// <summary>The parent workflow's id, for a child workflow.</summary>
        public string ParentId { get; private set; }

        /// <summary>The parent workflow's run id, for a child workflow.</summary>
        public string ParentRunId { get; private set; }

        /// <summary>The first run of the chain this run belongs to.</summary>
        public string FirstRunId { get; private set; }

        /// <summary>The single-line summary set at start.</summary>
        public string StaticSummary { get; private set; }

        /// <summary>The details text set at start.</summary>
        public string StaticDetails { get; private set; }

        /// <summary>Whether cancellation was requested.</summary>
        public bool CancelRequested { get; private set; }

        /// <summary>The whole description as the library sent it (docs/JSON.md <c>tc_workflow_describe</c>).</summary>
        public RawJson RawDescription { get; private set; }
    }
}
