namespace TemporalCapi
{
    /// <summary>A query was rejected by its <see cref="WorkflowQueryOptions.RejectCondition"/>.</summary>
    public class WorkflowQueryRejectedException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public WorkflowQueryRejectedException(string message, WorkflowExecutionStatus workflowStatus)
            : base(message)
        {
            WorkflowStatus = workflowStatus;
        }

        /// <summary>The workflow's status that made the condition match.</summary>
        public WorkflowExecutionStatus WorkflowStatus { get; private set; }
    }
}
