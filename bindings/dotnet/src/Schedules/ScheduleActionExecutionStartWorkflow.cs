using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>A workflow a schedule started.</summary>
    public sealed class ScheduleActionExecutionStartWorkflow : ScheduleActionExecution
    {
        internal ScheduleActionExecutionStartWorkflow(Dictionary<string, object> json)
        {
            WorkflowId = json.GetString("workflow_id");
            FirstExecutionRunId = json.GetString("run_id");
        }

        /// <summary>The workflow id: the action's id plus the scheduled time.</summary>
        public string WorkflowId { get; private set; }

        /// <summary>The first run the schedule started under that id.</summary>
        public string FirstExecutionRunId { get; private set; }

        /// <summary>Reads a list of <c>{workflow_id, run_id}</c> objects.</summary>
        internal static IReadOnlyList<ScheduleActionExecution> ListFromJson(List<object> json)
        {
            return json.ConvertAll(e => (ScheduleActionExecution)new ScheduleActionExecutionStartWorkflow((Dictionary<string, object>)e));
        }
    }
}
