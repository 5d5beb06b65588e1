using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// Options of <see cref="WorkflowHandle.ResetAsync"/>: exactly one of
    /// <see cref="EventId"/> and <see cref="Target"/>, plus an optional reason and request id.
    /// </summary>
    public sealed class WorkflowResetOptions
    {
        /// <summary>Creates options without a target; set <see cref="EventId"/> or <see cref="Target"/>.</summary>
        public WorkflowResetOptions()
        {
        }

        /// <summary>Resets to the <c>WorkflowTaskCompleted</c> event <paramref name="eventId"/>.</summary>
        public WorkflowResetOptions(long eventId)
        {
            EventId = eventId;
        }

        /// <summary>Resets to a named point of the history.</summary>
        public WorkflowResetOptions(WorkflowResetTarget target)
        {
            Target = target;
        }

        /// <summary>The id of a <c>EVENT_TYPE_WORKFLOW_TASK_COMPLETED</c> event to reset to.</summary>
        public long? EventId { get; set; }

        /// <summary>A named point to reset to (instead of <see cref="EventId"/>).</summary>
        public WorkflowResetTarget Target { get; set; }

        /// <summary>Recorded with the reset; null for none.</summary>
        public string Reason { get; set; }

        /// <summary>Idempotency key; null for a fresh one.</summary>
        public string RequestId { get; set; }

        /// <summary>Adds the <c>tc_workflow_reset</c> keys to <paramref name="request"/>.</summary>
        internal void AddTo(Dictionary<string, object> request)
        {
            request.Put("event_id", EventId);
            request.PutEnum("to", Target);
            request.Put("reason", Reason);
            request.Put("request_id", RequestId);
        }
    }
}
