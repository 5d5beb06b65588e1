namespace TemporalCapi.Schedules
{
    /// <summary>The action of a listed schedule; the one kind is <see cref="ScheduleListActionStartWorkflow"/>.</summary>
    public abstract class ScheduleListAction
    {
        internal ScheduleListAction()
        {
        }
    }
}
