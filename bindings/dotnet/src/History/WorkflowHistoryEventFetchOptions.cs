namespace TemporalCapi
{
    /// <summary>Options of <see cref="WorkflowHandle.FetchHistoryEventsAsync"/> and <see cref="WorkflowHandle.FetchHistoryEventsPageAsync"/>.</summary>
    public sealed class WorkflowHistoryEventFetchOptions
    {
        /// <summary>Creates options reading every event of the current history.</summary>
        public WorkflowHistoryEventFetchOptions()
        {
            EventFilterType = HistoryEventFilterType.AllEvent;
        }

        /// <summary>Every event (the default) or only the close event.</summary>
        public HistoryEventFilterType EventFilterType { get; set; }

        /// <summary>
        /// Long-poll until an event past the page token exists. A page then
        /// may come back empty with the same token (the server's poll timed
        /// out); enumerating follows the history until the run closes.
        /// </summary>
        public bool WaitNewEvent { get; set; }

        /// <summary>Do not read archived history.</summary>
        public bool SkipArchival { get; set; }

        /// <summary>Events per page; null for the server's default. The server pages by event batches, so a page may hold more.</summary>
        public int? PageSize { get; set; }
    }
}
