using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Describing task queues.</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>
        /// Describes a task queue: the workers that polled it recently for
        /// one type of task and, when asked for, its backlog and task rates.
        /// A queue nobody polls has no pollers; that is not an error.
        /// </summary>
        /// <param name="taskQueue">The task queue's name.</param>
        /// <param name="options">The type of task and what to report; null for the workflow tasks' pollers, without statistics.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="InvalidArgumentException">An empty task queue name (<c>ParamName</c> <c>task_queue</c>).</exception>
        public Task<TaskQueueDescription> DescribeTaskQueueAsync(
            string taskQueue,
            TaskQueueDescribeOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = (options ?? new TaskQueueDescribeOptions()).ToRequest(taskQueue);
            return Connection.CallAsync(
                NativeMethods.tc_workflow_describe_task_queue,
                request,
                response => new TaskQueueDescription(response),
                cancellationToken);
        }
    }
}
