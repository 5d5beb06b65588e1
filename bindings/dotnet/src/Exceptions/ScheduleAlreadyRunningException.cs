namespace TemporalCapi
{
    /// <summary>
    /// A schedule with the requested id already exists (the library's
    /// <c>already_exists</c> for a schedule). An <see cref="RpcException"/>
    /// with <see cref="RpcException.StatusCode.AlreadyExists"/>; the id of a
    /// deleted schedule can be used again.
    /// </summary>
    public class ScheduleAlreadyRunningException : RpcException
    {
        /// <summary>Creates the exception.</summary>
        public ScheduleAlreadyRunningException(string message, string scheduleId)
            : base(message, StatusCode.AlreadyExists, "already_exists")
        {
            ScheduleId = scheduleId;
        }

        /// <summary>The schedule id that is taken.</summary>
        public string ScheduleId { get; private set; }
    }
}
