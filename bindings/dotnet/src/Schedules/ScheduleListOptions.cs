namespace TemporalCapi.Schedules
{
    /// <summary>Options of <see cref="TemporalClient.ListSchedulesAsync"/>.</summary>
    public sealed class ScheduleListOptions
    {
        /// <summary>A visibility query (<c>ScheduleId = 'nightly'</c>); null for every schedule.</summary>
        public string Query { get; set; }

        /// <summary>Schedules per page; 0 for the server's default.</summary>
        public int PageSize { get; set; }
    }
}
