using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>What a schedule does when it acts; the one kind is <see cref="ScheduleActionStartWorkflow"/>.</summary>
    public abstract class ScheduleAction
    {
        internal ScheduleAction()
        {
        }

        /// <summary>The <c>action</c> object.</summary>
        internal abstract Dictionary<string, object> ToJson();

        /// <summary>Reads the <c>action</c> of a describe response.</summary>
        /// <exception cref="FormatException">The action is of a kind this client does not know.</exception>
        internal static ScheduleAction FromJson(Dictionary<string, object> json)
        {
            var start = json.GetObject("start_workflow");
            if (start == null)
            {
                throw new FormatException("Unknown schedule action: " + JsonWriter.Serialize(json));
            }
            return ScheduleActionStartWorkflow.FromStartJson(start);
        }
    }
}
