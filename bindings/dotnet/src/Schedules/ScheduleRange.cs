using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// An inclusive range of calendar values, <see cref="Start"/> to <see cref="End"/>
    /// every <see cref="Step"/>. Immutable, compared by value.
    /// </summary>
    public sealed class ScheduleRange : IEquatable<ScheduleRange>
    {
        /// <summary>
        /// Creates a range. As in the official SDK an <paramref name="end"/> below
        /// <paramref name="start"/> means <paramref name="start"/> and a
        /// <paramref name="step"/> of 0 means 1; both are stored that way, so
        /// <c>new ScheduleRange(9)</c> equals <c>new ScheduleRange(9, 9, 1)</c>.
        /// </summary>
        public ScheduleRange(int start, int end = 0, int step = 0)
        {
            Start = start;
            End = end < start ? start : end;
            Step = step == 0 ? 1 : step;
        }

        /// <summary>The first value.</summary>
        public int Start { get; private set; }

        /// <summary>The last value (inclusive).</summary>
        public int End { get; private set; }

        /// <summary>The distance between values.</summary>
        public int Step { get; private set; }

        /// <summary>Whether both ranges have the same start, end and step.</summary>
        public bool Equals(ScheduleRange other)
        {
            return other != null && other.Start == Start && other.End == End && other.Step == Step;
        }

        /// <summary>Whether <paramref name="obj"/> is an equal <see cref="ScheduleRange"/>.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as ScheduleRange);
        }

        /// <summary>A hash of start, end and step.</summary>
        public override int GetHashCode()
        {
            return (Start * 397 ^ End) * 397 ^ Step;
        }

        /// <summary><c>start-end/step</c>.</summary>
        public override string ToString()
        {
            return Start + "-" + End + "/" + Step;
        }

        /// <summary>The <c>{start, end, step}</c> object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            return new Dictionary<string, object> { { "start", Start }, { "end", End }, { "step", Step } };
        }

        /// <summary>Reads a range object or a bare integer (one value).</summary>
        internal static ScheduleRange FromJson(object json)
        {
            var range = json as Dictionary<string, object>;
            if (range == null)
            {
                return new ScheduleRange(JsonConverter.To<int>(json));
            }
            return new ScheduleRange(
                (int)(range.GetLong("start") ?? 0), (int)(range.GetLong("end") ?? 0), (int)(range.GetLong("step") ?? 0));
        }
    }
}
