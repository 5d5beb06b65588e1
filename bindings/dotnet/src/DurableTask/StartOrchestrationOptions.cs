using System;

namespace TemporalCapi
{
    /// <summary>Options of <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync"/>.</summary>
    public sealed class StartOrchestrationOptions
    {
        /// <summary>The instance (workflow) id; null for a fresh GUID.</summary>
        public string InstanceId { get; set; }

        /// <summary>
        /// When the first workflow task may run (Temporal's start delay =
        /// <c>StartAt</c> - now); null or a past time: at once.
        /// </summary>
        public DateTimeOffset? StartAt { get; set; }

        /// <summary>The task queue; null for <see cref="DurableTaskClient.TaskQueue"/>.</summary>
        public string TaskQueue { get; set; }
    }
}
