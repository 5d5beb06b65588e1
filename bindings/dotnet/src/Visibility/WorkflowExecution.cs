using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// One workflow run as a listing reports it (a row of
    /// <see cref="TemporalClient.ListWorkflowsAsync"/> or
    /// <see cref="DurableTaskClient.GetAllInstancesAsync"/>);
    /// <see cref="WorkflowExecutionDescription"/> adds what describe reports.
    /// </summary>
    public class WorkflowExecution
    {
        internal WorkflowExecution(Dictionary<string, object> json)
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
            Memo = json.GetRawMap("memo");
            TypedSearchAttributes = SearchAttributeCollection.FromJson(json.GetObject("search_attributes"));
            ParentId = json.GetObject("parent").GetString("workflow_id");
            ParentRunId = json.GetObject("parent").GetString("run_id");
            RawInfo = RawJson.FromParsed(json);
        }

        /// <summary>The workflow id.</summary>
        public string Id { get; private set; }

        /// <summary>The run id.</summary>
        public string RunId { get; private set; }

        /// <summary>The workflow type name.</summary>
        public string WorkflowType { get; private set; }

        /// <summary>The task queue.</summary>
        public string TaskQueue { get; private set; }

        /// <summary>The run's status (<see cref="WorkflowExecutionStatus.Unspecified"/> for a status this version does not know).</summary>
        public WorkflowExecutionStatus Status { get; private set; }

        /// <summary>When the run was started (UTC).</summary>
        public DateTime? StartTime { get; private set; }

        /// <summary>When the run began executing, after any start delay or cron wait (UTC).</summary>
        public DateTime? ExecutionTime { get; private set; }

        /// <summary>When the run closed (UTC); null while open.</summary>
        public DateTime? CloseTime { get; private set; }

        /// <summary>Number of history events.</summary>
        public long HistoryLength { get; private set; }

        /// <summary>The memo, as JSON values.</summary>
        public IReadOnlyDictionary<string, RawJson> Memo { get; private set; }

        /// <summary>The search attributes.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; private set; }

        /// <summary>The parent workflow's id, for a child workflow.</summary>
        public string ParentId { get; private set; }

        /// <summary>The parent workflow's run id, for a child workflow.</summary>
        public string ParentRunId { get; private set; }

        /// <summary>The row (or, for a description, the whole description) as the library sent it (docs/JSON.md).</summary>
        public RawJson RawInfo { get; private set; }
    }
}
