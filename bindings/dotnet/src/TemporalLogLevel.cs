namespace TemporalCapi
{
    /// <summary>Severity of the library's log records (<see cref="TemporalRuntime.SetLogger"/>).</summary>
    public enum TemporalLogLevel
    {
        /// <summary>No records (as a threshold: removes the logger).</summary>
        Off,

        /// <summary>Errors.</summary>
        Error,

        /// <summary>Warnings.</summary>
        Warn,

        /// <summary>Information.</summary>
        Info,

        /// <summary>Debugging detail (for example server long polls that ended and were repeated).</summary>
        Debug,

        /// <summary>Everything.</summary>
        Trace,
    }
}
