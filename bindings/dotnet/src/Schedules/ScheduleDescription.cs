using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>What <see cref="ScheduleHandle.DescribeAsync"/> reports.</summary>
    public sealed class ScheduleDescription
    {
        internal ScheduleDescription(Dictionary<string, object> json)
        {
            Id = json.GetString("schedule_id");
            Schedule = Schedule.FromJson(json);
            Info = new ScheduleInfo(json.GetObject("info") ?? new Dictionary<string, object>());
            Memo = json.GetRawMap("memo");
            TypedSearchAttributes = SearchAttributeCollection.FromJson(json.GetObject("search_attributes"));
            ConflictToken = json.GetString("conflict_token");
            RawDescription = RawJson.FromParsed(json);
        }

        /// <summary>The schedule id.</summary>
        public string Id { get; private set; }

        /// <summary>The schedule, a new editable instance that can be sent back as an update.</summary>
        public Schedule Schedule { get; private set; }

        /// <summary>What the schedule has done and will do.</summary>
        public ScheduleInfo Info { get; private set; }

        /// <summary>The schedule's own memo, as JSON values.</summary>
        public IReadOnlyDictionary<string, RawJson> Memo { get; private set; }

        /// <summary>The schedule's own search attributes.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; private set; }

        /// <summary>The whole description as the library sent it (docs/JSON.md <c>tc_schedule_describe</c>).</summary>
        public RawJson RawDescription { get; private set; }

        /// <summary>Identifies this version of the schedule; an update carrying it is refused once the schedule changed.</summary>
        internal string ConflictToken { get; private set; }
    }
}
