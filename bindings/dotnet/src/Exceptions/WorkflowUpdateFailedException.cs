using System;

namespace TemporalCapi
{
    /// <summary>
    /// A workflow update failed (error code <c>update_failed</c>, reserved
    /// for update operations). <see cref="Exception.InnerException"/> is the
    /// failure when there is one.
    /// </summary>
    public class WorkflowUpdateFailedException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowUpdateFailedException(string message, FailureException innerException)
            : base(message, innerException)
        {
        }
    }
}
