using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>A workflow run's whole history, from <see cref="WorkflowHandle.FetchHistoryAsync"/>.</summary>
    public sealed class WorkflowHistory
    {
        /// <summary>A history of workflow <paramref name="id"/> made of <paramref name="events"/>.</summary>
        public WorkflowHistory(string id, IReadOnlyList<HistoryEvent> events)
        {
            Require.NotNull(events, "events");
            Id = id;
            Events = events;
        }

        /// <summary>The workflow id.</summary>
        public string Id { get; private set; }

        /// <summary>The events in order (<see cref="HistoryEvent.EventId"/> 1, 2, ...).</summary>
        public IReadOnlyList<HistoryEvent> Events { get; private set; }

        /// <summary>
        /// Reads <see cref="ToJson"/> output or an exported history
        /// (<c>temporal workflow show --output json</c>).
        /// </summary>
        /// <exception cref="FormatException">The text is not a JSON object whose <c>events</c> are objects.</exception>
        public static WorkflowHistory FromJson(string id, string json)
        {
            var parsed = JsonFields.ParseObject(json);
            foreach (var e in parsed.GetList("events"))
            {
                if (!(e is Dictionary<string, object>))
                {
                    throw new FormatException("A history event must be a JSON object, got: " + JsonWriter.Serialize(e));
                }
            }
            return new WorkflowHistory(id, HistoryEvent.ListOf(parsed));
        }

        /// <summary>The history as JSON text, <c>{"events": [...]}</c>: the shape of an exported history file.</summary>
        public string ToJson()
        {
            var events = new List<object>();
            foreach (var e in Events)
            {
                events.Add(e.Parsed);
            }
            return JsonWriter.Serialize(new Dictionary<string, object> { { "events", events } });
        }
    }
}
