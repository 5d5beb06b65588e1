using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>A listed schedule's recent actions and upcoming times.</summary>
    public sealed class ScheduleListInfo
    {
        /// <summary>Reads the recent actions and upcoming times of a <c>tc_schedule_list</c> row.</summary>
        internal ScheduleListInfo(Dictionary<string, object> row)
        {
            RecentActions = ScheduleActionResult.ListFromJson(row.GetList("recent_actions"));
            NextActionTimes = ScheduleTimes.FromJson(row.GetList("next_action_times"));
        }

        /// <summary>The latest actions, oldest first.</summary>
        public IReadOnlyList<ScheduleActionResult> RecentActions { get; private set; }

        /// <summary>The upcoming scheduled times (UTC).</summary>
        public IReadOnlyList<DateTime> NextActionTimes { get; private set; }
    }
}
