using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>Times <c>epoch + n * Every + Offset</c>.</summary>
    public sealed class ScheduleIntervalSpec
    {
        /// <summary>Creates an interval; <paramref name="every"/> is at least one second (whole seconds count).</summary>
        public ScheduleIntervalSpec(TimeSpan every, TimeSpan? offset = null)
        {
            Every = every;
            Offset = offset;
        }

        /// <summary>The period.</summary>
        public TimeSpan Every { get; set; }

        /// <summary>The shift from each multiple of <see cref="Every"/>; null (as described: for zero) means none.</summary>
        public TimeSpan? Offset { get; set; }

        /// <summary>The <c>{every, offset}</c> object, in seconds.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object> { { "every", Every.TotalSeconds } };
            json.PutSeconds("offset", Offset);
            return json;
        }

        /// <summary>Reads an interval of a describe or list response; a zero offset reads as null.</summary>
        internal static ScheduleIntervalSpec FromJson(Dictionary<string, object> json)
        {
            var offset = json.GetSeconds("offset");
            return new ScheduleIntervalSpec(
                json.GetSeconds("every") ?? TimeSpan.Zero, offset == TimeSpan.Zero ? null : offset);
        }
    }
}
