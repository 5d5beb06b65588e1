using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What <see cref="TemporalClient.DescribeTaskQueueAsync"/> reports about a task queue.</summary>
    public sealed class TaskQueueDescribeOptions
    {
        /// <summary>Options reporting the pollers of the queue's workflow tasks, without statistics.</summary>
        public TaskQueueDescribeOptions()
        {
            TaskQueueType = TaskQueueType.Workflow;
            ReportPollers = true;
        }

        /// <summary>Which tasks to describe; <see cref="TaskQueueType.Workflow"/> by default.</summary>
        public TaskQueueType TaskQueueType { get; set; }

        /// <summary>Whether to list the workers that polled the queue recently; true by default.</summary>
        public bool ReportPollers { get; set; }

        /// <summary>Whether to report the backlog and task rates (<see cref="TaskQueueDescription.Stats"/>); false by default.</summary>
        public bool ReportStats { get; set; }

        /// <summary>The <c>tc_workflow_describe_task_queue</c> request for <paramref name="taskQueue"/>.</summary>
        internal Dictionary<string, object> ToRequest(string taskQueue)
        {
            var request = new Dictionary<string, object>
            {
                { "task_queue", taskQueue },
                { "report_pollers", ReportPollers },
                { "report_stats", ReportStats },
            };
            request.PutEnum("task_queue_type", TaskQueueType);
            return request;
        }
    }
}
