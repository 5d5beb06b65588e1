using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>The parts of a schedule that listing reports.</summary>
    public sealed class ScheduleListSchedule
    {
        /// <summary>Reads the action, spec and state of a <c>tc_schedule_list</c> row.</summary>
        internal ScheduleListSchedule(Dictionary<string, object> row)
        {
            Action = new ScheduleListActionStartWorkflow(row.GetString("workflow_type"));
            Spec = ScheduleSpec.FromJson(row.GetObject("spec") ?? new Dictionary<string, object>());
            State = new ScheduleListState(row.GetString("note"), row.GetBool("paused"));
        }

        /// <summary>The action (a <see cref="ScheduleListActionStartWorkflow"/>).</summary>
        public ScheduleListAction Action { get; private set; }

        /// <summary>When the schedule acts (cron strings read back as calendars).</summary>
        public ScheduleSpec Spec { get; private set; }

        /// <summary>Paused and note.</summary>
        public ScheduleListState State { get; private set; }
    }
}
