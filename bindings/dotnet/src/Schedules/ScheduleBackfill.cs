using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>A past time range whose due actions are taken now, as if the time passed right now.</summary>
    public sealed class ScheduleBackfill
    {
        /// <summary>Creates a backfill of <paramref name="startAt"/> to <paramref name="endAt"/> (a time of unspecified kind is UTC).</summary>
        /// <param name="startAt">The start of the range.</param>
        /// <param name="endAt">The end of the range, not before <paramref name="startAt"/>.</param>
        /// <param name="overlap">Overrides the schedule's overlap policy for these actions; <see cref="ScheduleOverlapPolicy.Unspecified"/> keeps it.</param>
        public ScheduleBackfill(DateTime startAt, DateTime endAt, ScheduleOverlapPolicy overlap = ScheduleOverlapPolicy.Unspecified)
        {
            StartAt = startAt;
            EndAt = endAt;
            Overlap = overlap;
        }

        /// <summary>The start of the range.</summary>
        public DateTime StartAt { get; set; }

        /// <summary>The end of the range.</summary>
        public DateTime EndAt { get; set; }

        /// <summary>The overlap policy of these actions; <see cref="ScheduleOverlapPolicy.Unspecified"/> for the schedule's.</summary>
        public ScheduleOverlapPolicy Overlap { get; set; }

        /// <summary>One <c>backfills</c> entry.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object> { { "start_at", StartAt }, { "end_at", EndAt } };
            json.PutEnum("overlap", Overlap);
            return json;
        }

        /// <summary>The <c>backfills</c> list; null items are refused.</summary>
        internal static List<object> ListToJson(IEnumerable<ScheduleBackfill> backfills)
        {
            var json = new List<object>();
            foreach (var backfill in backfills)
            {
                if (backfill == null)
                {
                    throw new ArgumentException("A backfill is null", "backfills");
                }
                json.Add(backfill.ToJson());
            }
            return json;
        }
    }
}
