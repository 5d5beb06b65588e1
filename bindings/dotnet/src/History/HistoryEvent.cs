using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// One history event: a <c>temporal.api.history.v1.HistoryEvent</c> in
    /// canonical proto3 JSON (lowerCamelCase keys, enums by name, int64 as
    /// strings, payloads as <c>{metadata, data}</c> base64), the format
    /// <c>temporal workflow show --output json</c> prints.
    /// </summary>
    public sealed class HistoryEvent
    {
        private const string AttributesSuffix = "EventAttributes";
        private readonly Dictionary<string, object> json;

        internal HistoryEvent(Dictionary<string, object> json)
        {
            this.json = json;
            var id = json.GetString("eventId");
            EventId = id == null ? 0 : long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            EventTime = json.GetTime("eventTime");
            EventType = json.GetString("eventType");
            foreach (var member in json)
            {
                if (member.Key.EndsWith(AttributesSuffix, StringComparison.Ordinal))
                {
                    Attributes = RawJson.FromParsed(member.Value);
                }
            }
            RawEvent = RawJson.FromParsed(json);
        }

        /// <summary>The event's position in the history, from 1.</summary>
        public long EventId { get; private set; }

        /// <summary>When the event was recorded (UTC).</summary>
        public DateTime? EventTime { get; private set; }

        /// <summary>The event type by its proto name, e.g. <c>EVENT_TYPE_WORKFLOW_EXECUTION_STARTED</c>.</summary>
        public string EventType { get; private set; }

        /// <summary>The type-specific attributes object (the <c>...EventAttributes</c> member), or null.</summary>
        public RawJson Attributes { get; private set; }

        /// <summary>The whole event as proto3 JSON.</summary>
        public RawJson RawEvent { get; private set; }

        /// <summary>The parsed event, for <see cref="WorkflowHistory.ToJson"/>.</summary>
        internal Dictionary<string, object> Parsed
        {
            get { return json; }
        }

        /// <summary>The events of a history page or export (docs/JSON.md <c>tc_workflow_fetch_history</c>).</summary>
        internal static List<HistoryEvent> ListOf(Dictionary<string, object> response)
        {
            return response.GetList("events").ConvertAll(e => new HistoryEvent((Dictionary<string, object>)e));
        }
    }
}
