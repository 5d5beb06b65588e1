using System;

namespace TemporalCapi
{
    /// <summary>
    /// The workflow run did not complete successfully. <see cref="Exception.InnerException"/>
    /// says how: an <see cref="ApplicationFailureException"/> (or another
    /// <see cref="FailureException"/>) when it failed, a
    /// <see cref="CanceledFailureException"/> when it was cancelled, a
    /// <see cref="TerminatedFailureException"/> when it was terminated and a
    /// <see cref="TimeoutFailureException"/> when it timed out.
    /// </summary>
    public class WorkflowFailedException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowFailedException(string message, string workflowId, string runId, FailureException innerException)
            : base(message, innerException)
        {
            WorkflowId = workflowId;
            RunId = runId;
        }

        /// <summary>The workflow id.</summary>
        public string WorkflowId { get; private set; }

        /// <summary>The run that closed.</summary>
        public string RunId { get; private set; }
    }
}
