using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>Whether a schedule is paused, its note, and how many scheduled actions it may still take.</summary>
    /// <remarks>
    /// Trigger and backfill act regardless of <see cref="Paused"/> and of the action limit.
    /// </remarks>
    public sealed class ScheduleState
    {
        /// <summary>Free text; pause and unpause set it. Null for none.</summary>
        public string Note { get; set; }

        /// <summary>A paused schedule takes no scheduled actions.</summary>
        public bool Paused { get; set; }

        /// <summary>
        /// Whether <see cref="RemainingActions"/> limits the scheduled actions
        /// (also in effect when <see cref="RemainingActions"/> is non-zero).
        /// </summary>
        public bool LimitedActions { get; set; }

        /// <summary>With a limit, how many more scheduled actions the schedule takes; describe counts it down.</summary>
        public long RemainingActions { get; set; }

        /// <summary>The <c>state</c> object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object> { { "paused", Paused } };
            if (!string.IsNullOrEmpty(Note))
            {
                json["note"] = Note;
            }
            if (LimitedActions || RemainingActions != 0)
            {
                json["remaining_actions"] = RemainingActions;
            }
            return json;
        }

        /// <summary>Reads the <c>state</c> of a describe response (a null <c>remaining_actions</c> is no limit).</summary>
        internal static ScheduleState FromJson(Dictionary<string, object> json)
        {
            var note = json.GetString("note");
            var remaining = json.GetLong("remaining_actions");
            return new ScheduleState
            {
                Note = string.IsNullOrEmpty(note) ? null : note,
                Paused = json.GetBool("paused"),
                LimitedActions = remaining.HasValue,
                RemainingActions = remaining ?? 0,
            };
        }
    }
}
