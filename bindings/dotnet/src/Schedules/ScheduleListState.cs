namespace TemporalCapi.Schedules
{
    /// <summary>Whether a listed schedule is paused, and its note.</summary>
    public sealed class ScheduleListState
    {
        internal ScheduleListState(string note, bool paused)
        {
            Note = string.IsNullOrEmpty(note) ? null : note;
            Paused = paused;
        }

        /// <summary>The note; null for none.</summary>
        public string Note { get; private set; }

        /// <summary>Whether the schedule is paused.</summary>
        public bool Paused { get; private set; }
    }
}
