namespace TemporalCapi
{
    /// <summary>Which events a history read returns.</summary>
    public enum HistoryEventFilterType
    {
        /// <summary>Every event.</summary>
        AllEvent = 1,
        /// <summary>Only the event that closed the run (with <see cref="WorkflowHistoryEventFetchOptions.WaitNewEvent"/>: waits for it).</summary>
        CloseEvent = 2,
    }
}
