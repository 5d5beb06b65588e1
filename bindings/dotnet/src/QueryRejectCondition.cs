namespace TemporalCapi
{
    /// <summary>When a query is rejected instead of answered.</summary>
    public enum QueryRejectCondition
    {
        /// <summary>The server's default (<see cref="None"/>).</summary>
        Unspecified = 0,
        /// <summary>Never reject.</summary>
        None = 1,
        /// <summary>Reject when the workflow is closed.</summary>
        NotOpen = 2,
        /// <summary>Reject unless the workflow is open or completed successfully.</summary>
        NotCompletedCleanly = 3,
    }
}
