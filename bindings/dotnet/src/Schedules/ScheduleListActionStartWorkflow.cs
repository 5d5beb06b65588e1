namespace TemporalCapi.Schedules
{
    /// <summary>The start-workflow action of a listed schedule: the workflow type.</summary>
    public sealed class ScheduleListActionStartWorkflow : ScheduleListAction
    {
        internal ScheduleListActionStartWorkflow(string workflow)
        {
            Workflow = workflow;
        }

        /// <summary>The workflow type name.</summary>
        public string Workflow { get; private set; }
    }
}
