namespace TemporalCapi.Schedules
{
    /// <summary>What an updater passed to <see cref="ScheduleHandle.UpdateAsync(System.Func{ScheduleUpdateInput, ScheduleUpdate}, System.Threading.CancellationToken)"/> returns.</summary>
    public sealed class ScheduleUpdate
    {
        /// <summary>Creates an update that replaces the schedule's action, spec, policy and state with <paramref name="schedule"/>.</summary>
        public ScheduleUpdate(Schedule schedule)
        {
            Schedule = schedule;
        }

        /// <summary>The new schedule.</summary>
        public Schedule Schedule { get; set; }

        /// <summary>When not null, replaces all of the schedule's own search attributes (an empty collection removes them).</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; set; }
    }
}
