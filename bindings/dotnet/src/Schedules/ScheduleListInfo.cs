using System;
using System.Collections.Generic;

namespace TemporalCapi.Schedules
{
    /// <summary>A listed schedule's recent actions and upcoming times.</summary>
    public sealed class ScheduleListInfo
    {
        internal ScheduleListInfo(IReadOnlyList<ScheduleActionResult> recentActions, IReadOnlyList<DateTime> nextActionTimes)
        {
            RecentActions = recentActions;
            NextActionTimes = nextActionTimes;
        }

        /// <summary>The latest actions, oldest first.</summary>
        public IReadOnlyList<ScheduleActionResult> RecentActions { get; private set; }

        /// <summary>The upcoming scheduled times (UTC).</summary>
        public IReadOnlyList<DateTime> NextActionTimes { get; private set; }
    }
}
