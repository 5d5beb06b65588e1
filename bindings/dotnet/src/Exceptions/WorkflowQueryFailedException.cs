using System;

namespace TemporalCapi
{
    /// <summary>
    /// The worker could not answer a query: unknown query type or a failing
    /// handler. <see cref="Exception.InnerException"/> is the failure when
    /// the worker sent one.
    /// </summary>
    public class WorkflowQueryFailedException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowQueryFailedException(string message, FailureException innerException)
            : base(message, innerException)
        {
        }
    }
}
