namespace TemporalCapi.Schedules
{
    /// <summary>What an action a schedule took did; the one kind is <see cref="ScheduleActionExecutionStartWorkflow"/>.</summary>
    public abstract class ScheduleActionExecution
    {
        internal ScheduleActionExecution()
        {
        }
    }
}
