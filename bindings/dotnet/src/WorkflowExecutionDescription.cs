using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What <see cref="WorkflowHandle.DescribeAsync"/> reports about a run: the listed fields plus timeouts, UI text and state.</summary>
    public sealed class WorkflowExecutionDescription : WorkflowExecution
    {
        internal WorkflowExecutionDescription(Dictionary<string, object> json)
            : base(json)
        {
            ExecutionTimeout = json.GetSeconds("execution_timeout");
            RunTimeout = json.GetSeconds("run_timeout");
            TaskTimeout = json.GetSeconds("task_timeout");
            FirstRunId = json.GetString("first_run_id");
            StaticSummary = json.GetString("static_summary");
            StaticDetails = json.GetString("static_details");
            CancelRequested = json.GetBool("cancel_requested");
            Paused = json.GetBool("paused");
            RawDescription = RawInfo;
        }

        /// <summary>The execution timeout, if any.</summary>
        public TimeSpan? ExecutionTimeout { get; private set; }

        /// <summary>The run timeout, if any.</summary>
        public TimeSpan? RunTimeout { get; private set; }

        /// <summary>The workflow task timeout.</summary>
        public TimeSpan? TaskTimeout { get; private set; }

        /// <summary>The first run of the chain this run belongs to.</summary>
        public string FirstRunId { get; private set; }

        /// <summary>The single-line summary set at start.</summary>
        public string StaticSummary { get; private set; }

        /// <summary>The details text set at start.</summary>
        public string StaticDetails { get; private set; }

        /// <summary>Whether cancellation was requested.</summary>
        public bool CancelRequested { get; private set; }

        /// <summary>
        /// Whether the workflow is paused (<see cref="WorkflowHandle.PauseAsync"/>;
        /// <see cref="WorkflowExecution.Status"/> is then <see cref="WorkflowExecutionStatus.Paused"/>).
        /// </summary>
        public bool Paused { get; private set; }

        /// <summary>The whole description as the library sent it (docs/JSON.md <c>tc_workflow_describe</c>).</summary>
        public RawJson RawDescription { get; private set; }
    }
}
