using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// One schedule as <see cref="TemporalClient.ListSchedulesAsync"/> reports it.
    /// Listing reads the visibility store, which lags behind describe.
    /// </summary>
    public sealed class ScheduleListDescription
    {
        internal ScheduleListDescription(Dictionary<string, object> json)
        {
            Id = json.GetString("schedule_id");
            Schedule = new ScheduleListSchedule(json);
            Info = new ScheduleListInfo(json);
            Memo = json.GetRawMap("memo");
            TypedSearchAttributes = SearchAttributeCollection.FromJson(json.GetObject("search_attributes"));
            RawDescription = RawJson.FromParsed(json);
        }

        /// <summary>The schedule id.</summary>
        public string Id { get; private set; }

        /// <summary>Action, spec and state.</summary>
        public ScheduleListSchedule Schedule { get; private set; }

        /// <summary>Recent actions and upcoming times.</summary>
        public ScheduleListInfo Info { get; private set; }

        /// <summary>The schedule's own memo, as JSON values.</summary>
        public IReadOnlyDictionary<string, RawJson> Memo { get; private set; }

        /// <summary>The schedule's own search attributes.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; private set; }

        /// <summary>The row as the library sent it (docs/JSON.md <c>tc_schedule_list</c>).</summary>
        public RawJson RawDescription { get; private set; }
    }
}
