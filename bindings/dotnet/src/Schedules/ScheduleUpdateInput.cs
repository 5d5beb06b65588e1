namespace TemporalCapi.Schedules
{
    /// <summary>What an updater passed to <see cref="ScheduleHandle.UpdateAsync(System.Func{ScheduleUpdateInput, ScheduleUpdate}, System.Threading.CancellationToken)"/> receives.</summary>
    public sealed class ScheduleUpdateInput
    {
        internal ScheduleUpdateInput(ScheduleDescription description)
        {
            Description = description;
        }

        /// <summary>The schedule as just described; its <see cref="ScheduleDescription.Schedule"/> may be edited and returned.</summary>
        public ScheduleDescription Description { get; private set; }
    }
}
