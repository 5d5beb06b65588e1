using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// The filter shared by <see cref="OrchestrationQuery"/> and
    /// <see cref="PurgeInstancesFilter"/>: every property is optional and
    /// they combine with AND. Values are quoted by the library so that any
    /// text (quotes included) is matched literally, never read as query
    /// syntax. The dev server's SQLite visibility never matches values
    /// containing a backslash.
    /// </summary>
    public abstract class InstanceFilter
    {
        internal InstanceFilter()
        {
        }

        /// <summary>Any of these statuses (<see cref="WorkflowExecutionStatus.Paused"/> is Durable Task's Suspended); null or empty: any.</summary>
        public IReadOnlyCollection<WorkflowExecutionStatus> RuntimeStatus { get; set; }

        /// <summary>Started at or after this time (a <see cref="DateTimeKind.Unspecified"/> time is UTC).</summary>
        public DateTime? CreatedFrom { get; set; }

        /// <summary>Started at or before this time (a <see cref="DateTimeKind.Unspecified"/> time is UTC).</summary>
        public DateTime? CreatedTo { get; set; }

        /// <summary>The instance (workflow) id starts with this text.</summary>
        public string InstanceIdPrefix { get; set; }

        /// <summary>The workflow (orchestrator) type is exactly this.</summary>
        public string WorkflowType { get; set; }

        /// <summary>The task queue is exactly this.</summary>
        public string TaskQueue { get; set; }

        /// <summary>The filter keys of <c>tc_workflow_query_instances</c> / <c>tc_workflow_purge_instances</c>.</summary>
        internal Dictionary<string, object> ToRequest()
        {
            var request = new Dictionary<string, object>();
            if (RuntimeStatus != null && RuntimeStatus.Count > 0)
            {
                var statuses = new List<object>();
                foreach (var status in RuntimeStatus)
                {
                    statuses.Add(SnakeCase.Of(status));
                }
                request["statuses"] = statuses;
            }
            request.Put("created_from", CreatedFrom);
            request.Put("created_to", CreatedTo);
            request.Put("id_prefix", InstanceIdPrefix);
            request.Put("workflow_type", WorkflowType);
            request.Put("task_queue", TaskQueue);
            return request;
        }
    }
}
