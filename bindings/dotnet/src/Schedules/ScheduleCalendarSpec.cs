using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// Calendar times: a time matches when every field matches one of its ranges.
    /// </summary>
    /// <remarks>
    /// The defaults are the official SDK's: second, minute and hour 0; every
    /// day of the month, month and day of the week (0 is Sunday, 6 Saturday);
    /// any year (an empty <see cref="Year"/>). Any other field set to an empty
    /// list matches nothing; a field set to null takes its default.
    /// </remarks>
    public sealed class ScheduleCalendarSpec
    {
        private static readonly string[] FieldNames =
        {
            "second", "minute", "hour", "day_of_month", "month", "year", "day_of_week",
        };

        /// <summary>Creates a calendar of the defaults: every day at midnight.</summary>
        public ScheduleCalendarSpec()
        {
            Second = new[] { new ScheduleRange(0) };
            Minute = new[] { new ScheduleRange(0) };
            Hour = new[] { new ScheduleRange(0) };
            DayOfMonth = new[] { new ScheduleRange(1, 31) };
            Month = new[] { new ScheduleRange(1, 12) };
            Year = new ScheduleRange[0];
            DayOfWeek = new[] { new ScheduleRange(0, 6) };
        }

        /// <summary>Seconds, 0-59.</summary>
        public IReadOnlyList<ScheduleRange> Second { get; set; }

        /// <summary>Minutes, 0-59.</summary>
        public IReadOnlyList<ScheduleRange> Minute { get; set; }

        /// <summary>Hours, 0-23.</summary>
        public IReadOnlyList<ScheduleRange> Hour { get; set; }

        /// <summary>Days of the month, 1-31.</summary>
        public IReadOnlyList<ScheduleRange> DayOfMonth { get; set; }

        /// <summary>Months, 1-12.</summary>
        public IReadOnlyList<ScheduleRange> Month { get; set; }

        /// <summary>Years; empty matches any year.</summary>
        public IReadOnlyList<ScheduleRange> Year { get; set; }

        /// <summary>Days of the week, 0-6 (0 is Sunday).</summary>
        public IReadOnlyList<ScheduleRange> DayOfWeek { get; set; }

        /// <summary>Free text kept with the calendar; null for none.</summary>
        public string Comment { get; set; }

        /// <summary>The structured calendar object (null fields left out, so the library applies their defaults).</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>();
            var fields = Fields();
            for (int i = 0; i < FieldNames.Length; i++)
            {
                if (fields[i] != null)
                {
                    var ranges = new List<object>();
                    foreach (var range in fields[i])
                    {
                        ranges.Add(range.ToJson());
                    }
                    json[FieldNames[i]] = ranges;
                }
            }
            if (!string.IsNullOrEmpty(Comment))
            {
                json["comment"] = Comment;
            }
            return json;
        }

        /// <summary>Reads a calendar of a describe or list response; absent fields keep their defaults.</summary>
        internal static ScheduleCalendarSpec FromJson(Dictionary<string, object> json)
        {
            var calendar = new ScheduleCalendarSpec();
            calendar.Second = Ranges(json, "second") ?? calendar.Second;
            calendar.Minute = Ranges(json, "minute") ?? calendar.Minute;
            calendar.Hour = Ranges(json, "hour") ?? calendar.Hour;
            calendar.DayOfMonth = Ranges(json, "day_of_month") ?? calendar.DayOfMonth;
            calendar.Month = Ranges(json, "month") ?? calendar.Month;
            calendar.Year = Ranges(json, "year") ?? calendar.Year;
            calendar.DayOfWeek = Ranges(json, "day_of_week") ?? calendar.DayOfWeek;
            var comment = json.GetString("comment");
            calendar.Comment = string.IsNullOrEmpty(comment) ? null : comment;
            return calendar;
        }

        /// <summary>Reads a list of calendars.</summary>
        internal static List<ScheduleCalendarSpec> ListFromJson(List<object> json)
        {
            return json.ConvertAll(c => FromJson((Dictionary<string, object>)c));
        }

        private IReadOnlyList<ScheduleRange>[] Fields()
        {
            return new[] { Second, Minute, Hour, DayOfMonth, Month, Year, DayOfWeek };
        }

        private static IReadOnlyList<ScheduleRange> Ranges(Dictionary<string, object> json, string key)
        {
            var values = json.Get(key) as List<object>;
            return values == null ? null : values.ConvertAll(ScheduleRange.FromJson);
        }
    }
}
