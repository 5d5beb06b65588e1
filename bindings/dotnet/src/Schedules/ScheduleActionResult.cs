using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>One action a schedule took (scheduled, triggered or backfilled).</summary>
    public sealed class ScheduleActionResult
    {
        private ScheduleActionResult(Dictionary<string, object> json)
        {
            ScheduledAt = json.GetTime("schedule_time") ?? default(DateTime);
            StartedAt = json.GetTime("actual_time") ?? default(DateTime);
            Action = new ScheduleActionExecutionStartWorkflow(json);
            var status = json.GetString("status");
            Status = status == null ? (WorkflowExecutionStatus?)null : json.GetEnum("status", WorkflowExecutionStatus.Unspecified);
        }

        /// <summary>When the action was due (UTC, jitter included).</summary>
        public DateTime ScheduledAt { get; private set; }

        /// <summary>When it was taken (UTC).</summary>
        public DateTime StartedAt { get; private set; }

        /// <summary>The workflow it started (a <see cref="ScheduleActionExecutionStartWorkflow"/>).</summary>
        public ScheduleActionExecution Action { get; private set; }

        /// <summary>That workflow's status as the scheduler last saw it; null when not reported.</summary>
        public WorkflowExecutionStatus? Status { get; private set; }

        /// <summary>Reads a <c>recent_actions</c> list.</summary>
        internal static IReadOnlyList<ScheduleActionResult> ListFromJson(List<object> json)
        {
            return json.ConvertAll(a => new ScheduleActionResult((Dictionary<string, object>)a));
        }
    }
}
