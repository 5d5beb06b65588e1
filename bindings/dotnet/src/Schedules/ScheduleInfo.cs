using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>What a schedule has done and will do, as <see cref="ScheduleHandle.DescribeAsync"/> reports it.</summary>
    public sealed class ScheduleInfo
    {
        internal ScheduleInfo(Dictionary<string, object> json)
        {
            NumActions = json.GetLong("action_count") ?? 0;
            NumActionsMissedCatchupWindow = json.GetLong("missed_catchup_window") ?? 0;
            NumActionsSkippedOverlap = json.GetLong("overlap_skipped") ?? 0;
            NumActionsBufferDropped = json.GetLong("buffer_dropped") ?? 0;
            BufferSize = json.GetLong("buffer_size") ?? 0;
            RunningActions = ScheduleActionExecutionStartWorkflow.ListFromJson(json.GetList("running_workflows"));
            RecentActions = ScheduleActionResult.ListFromJson(json.GetList("recent_actions"));
            NextActionTimes = ScheduleTimes.FromJson(json.GetList("future_action_times"));
            CreatedAt = json.GetTime("create_time") ?? default(DateTime);
            LastUpdatedAt = json.GetTime("update_time");
        }

        /// <summary>Every action taken: scheduled, triggered and backfilled.</summary>
        public long NumActions { get; private set; }

        /// <summary>Actions skipped because they were later than the catch-up window.</summary>
        public long NumActionsMissedCatchupWindow { get; private set; }

        /// <summary>Actions skipped by the overlap policy.</summary>
        public long NumActionsSkippedOverlap { get; private set; }

        /// <summary>Buffered actions dropped because the buffer was full.</summary>
        public long NumActionsBufferDropped { get; private set; }

        /// <summary>Actions waiting in the buffer.</summary>
        public long BufferSize { get; private set; }

        /// <summary>The workflows it started that are still open.</summary>
        public IReadOnlyList<ScheduleActionExecution> RunningActions { get; private set; }

        /// <summary>The latest actions, oldest first.</summary>
        public IReadOnlyList<ScheduleActionResult> RecentActions { get; private set; }

        /// <summary>The upcoming scheduled times (UTC), also while paused; empty when the spec has no times.</summary>
        public IReadOnlyList<DateTime> NextActionTimes { get; private set; }

        /// <summary>When the schedule was created (UTC).</summary>
        public DateTime CreatedAt { get; private set; }

        /// <summary>When it was last changed (UTC); null until the first change.</summary>
        public DateTime? LastUpdatedAt { get; private set; }
    }
}
