namespace TemporalCapi
{
    /// <summary>A workflow with the requested id is already running (or its id reuse policy forbids a new run).</summary>
    public class WorkflowAlreadyStartedException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowAlreadyStartedException(string message, string workflowId, string runId)
            : base(message)
        {
            WorkflowId = workflowId;
            RunId = runId;
        }

        /// <summary>The workflow id that is taken.</summary>
        public string WorkflowId { get; private set; }

        /// <summary>The run that holds it, when the server said.</summary>
        public string RunId { get; private set; }
    }
}
