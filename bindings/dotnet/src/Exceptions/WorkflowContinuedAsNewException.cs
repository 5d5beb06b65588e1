namespace TemporalCapi
{
    /// <summary>The run continued as new while its result was awaited with <c>followRuns: false</c>.</summary>
    public class WorkflowContinuedAsNewException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowContinuedAsNewException(string message, string newRunId)
            : base(message)
        {
            NewRunId = newRunId;
        }

        /// <summary>The run the workflow continued as.</summary>
        public string NewRunId { get; private set; }
    }
}
