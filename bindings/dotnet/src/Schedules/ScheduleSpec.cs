using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// When a schedule acts: every time of <see cref="Calendars"/>,
    /// <see cref="Intervals"/> and <see cref="CronExpressions"/>, except the
    /// times of <see cref="Skip"/>, between <see cref="StartAt"/> and <see cref="EndAt"/>.
    /// </summary>
    /// <remarks>
    /// The server stores cron strings as calendars: a described spec has no
    /// <see cref="CronExpressions"/> and one more calendar per cron string,
    /// after the given ones. Null lists are sent as empty.
    /// </remarks>
    public sealed class ScheduleSpec
    {
        /// <summary>Creates a spec without times (the schedule acts only when triggered or backfilled).</summary>
        public ScheduleSpec()
        {
            Calendars = new ScheduleCalendarSpec[0];
            Intervals = new ScheduleIntervalSpec[0];
            CronExpressions = new string[0];
            Skip = new ScheduleCalendarSpec[0];
        }

        /// <summary>Calendar times.</summary>
        public IReadOnlyList<ScheduleCalendarSpec> Calendars { get; set; }

        /// <summary>Interval times.</summary>
        public IReadOnlyList<ScheduleIntervalSpec> Intervals { get; set; }

        /// <summary>Cron strings (<c>"0 12 * * MON-FRI"</c>, <c>"@hourly"</c>, ...).</summary>
        public IReadOnlyList<string> CronExpressions { get; set; }

        /// <summary>Calendars whose times are skipped.</summary>
        public IReadOnlyList<ScheduleCalendarSpec> Skip { get; set; }

        /// <summary>No action before this time; null for no bound. Described times are UTC.</summary>
        public DateTime? StartAt { get; set; }

        /// <summary>No action after this time; null for no bound. Described times are UTC.</summary>
        public DateTime? EndAt { get; set; }

        /// <summary>Each action is delayed by a random amount up to this; null for none.</summary>
        public TimeSpan? Jitter { get; set; }

        /// <summary>The IANA time zone (<c>"Europe/Berlin"</c>) of calendars and cron strings; null for UTC.</summary>
        public string TimeZoneName { get; set; }

        /// <summary>The <c>spec</c> object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>
            {
                { "intervals", Each(Intervals, i => i.ToJson()) },
                { "cron_expressions", CronExpressions ?? new string[0] },
                { "calendars", Each(Calendars, c => c.ToJson()) },
                { "exclude_calendars", Each(Skip, c => c.ToJson()) },
            };
            json.Put("start_at", StartAt);
            json.Put("end_at", EndAt);
            json.PutSeconds("jitter", Jitter);
            if (!string.IsNullOrEmpty(TimeZoneName))
            {
                json["time_zone"] = TimeZoneName;
            }
            return json;
        }

        /// <summary>Reads the <c>spec</c> of a describe or list response.</summary>
        internal static ScheduleSpec FromJson(Dictionary<string, object> json)
        {
            var timeZone = json.GetString("time_zone");
            return new ScheduleSpec
            {
                Calendars = ScheduleCalendarSpec.ListFromJson(json.GetList("calendars")),
                Intervals = json.GetList("intervals").ConvertAll(i => ScheduleIntervalSpec.FromJson((Dictionary<string, object>)i)),
                CronExpressions = json.GetList("cron_expressions").ConvertAll(JsonConverter.To<string>),
                Skip = ScheduleCalendarSpec.ListFromJson(json.GetList("exclude_calendars")),
                StartAt = json.GetTime("start_at"),
                EndAt = json.GetTime("end_at"),
                Jitter = json.GetSeconds("jitter"),
                TimeZoneName = string.IsNullOrEmpty(timeZone) ? null : timeZone,
            };
        }

        private static List<object> Each<T>(IEnumerable<T> items, Func<T, object> toJson)
        {
            var json = new List<object>();
            foreach (var item in items ?? new T[0])
            {
                json.Add(toJson(item));
            }
            return json;
        }
    }
}
