namespace TemporalCapi.Schedules
{
    /// <summary>The parts of a schedule that listing reports.</summary>
    public sealed class ScheduleListSchedule
    {
        internal ScheduleListSchedule(ScheduleListAction action, ScheduleSpec spec, ScheduleListState state)
        {
            Action = action;
            Spec = spec;
            State = state;
        }

        /// <summary>The action (a <see cref="ScheduleListActionStartWorkflow"/>).</summary>
        public ScheduleListAction Action { get; private set; }

        /// <summary>When the schedule acts (cron strings read back as calendars).</summary>
        public ScheduleSpec Spec { get; private set; }

        /// <summary>Paused and note.</summary>
        public ScheduleListState State { get; private set; }
    }
}
