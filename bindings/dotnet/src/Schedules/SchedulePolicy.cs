using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>How a schedule handles overlapping runs, missed actions and failures.</summary>
    public sealed class SchedulePolicy
    {
        /// <summary>Creates the defaults: <see cref="ScheduleOverlapPolicy.Skip"/>, a one-year catch-up window.</summary>
        public SchedulePolicy()
        {
            Overlap = ScheduleOverlapPolicy.Skip;
            CatchupWindow = TimeSpan.FromDays(365);
        }

        /// <summary>What to do when an action is due while an earlier run is still open.</summary>
        public ScheduleOverlapPolicy Overlap { get; set; }

        /// <summary>How late a missed action may still run (at least 10 seconds).</summary>
        public TimeSpan CatchupWindow { get; set; }

        /// <summary>Pause the schedule when a started workflow fails or times out (after its retries).</summary>
        public bool PauseOnFailure { get; set; }

        /// <summary>
        /// Do not append the scheduled time to the workflow id. Stored and
        /// described; the 1.32 dev server's scheduler still appends it.
        /// </summary>
        public bool KeepOriginalWorkflowId { get; set; }

        /// <summary>The <c>policies</c> object (an unspecified overlap is left out).</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>
            {
                { "catchup_window", CatchupWindow.TotalSeconds },
                { "pause_on_failure", PauseOnFailure },
                { "keep_original_workflow_id", KeepOriginalWorkflowId },
            };
            json.PutEnum("overlap", Overlap);
            return json;
        }

        /// <summary>Reads the <c>policies</c> of a describe response.</summary>
        internal static SchedulePolicy FromJson(Dictionary<string, object> json)
        {
            return new SchedulePolicy
            {
                Overlap = json.GetEnum("overlap", ScheduleOverlapPolicy.Skip),
                CatchupWindow = json.GetSeconds("catchup_window") ?? TimeSpan.FromDays(365),
                PauseOnFailure = json.GetBool("pause_on_failure"),
                KeepOriginalWorkflowId = json.GetBool("keep_original_workflow_id"),
            };
        }
    }
}
