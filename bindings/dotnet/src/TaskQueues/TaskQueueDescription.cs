using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What <see cref="TemporalClient.DescribeTaskQueueAsync"/> reports: the queue's recent pollers and, when asked for, its statistics.</summary>
    public sealed class TaskQueueDescription
    {
        /// <summary>Reads a <c>tc_workflow_describe_task_queue</c> response (docs/JSON.md).</summary>
        internal TaskQueueDescription(Dictionary<string, object> response)
        {
            Pollers = response.GetList("pollers").ConvertAll(poller => ReadPoller((Dictionary<string, object>)poller));
            Stats = ReadStats(response.GetObject("stats"));
        }

        /// <summary>
        /// The workers that polled the queue for the described type of task
        /// recently; empty when nobody polls it or pollers were not asked for.
        /// </summary>
        public IReadOnlyList<PollerInfo> Pollers { get; private set; }

        /// <summary>The backlog and task rates; null unless <see cref="TaskQueueDescribeOptions.ReportStats"/> was set.</summary>
        public TaskQueueStats Stats { get; private set; }

        private static PollerInfo ReadPoller(Dictionary<string, object> poller)
        {
            return new PollerInfo
            {
                Identity = poller.GetString("identity"),
                LastAccessTime = poller.GetTime("last_access_time"),
                RatePerSecond = poller.GetDouble("rate_per_second"),
            };
        }

        private static TaskQueueStats ReadStats(Dictionary<string, object> stats)
        {
            return stats == null ? null : new TaskQueueStats
            {
                ApproximateBacklogCount = stats.GetLong("approximate_backlog_count") ?? 0,
                ApproximateBacklogAge = stats.GetSeconds("approximate_backlog_age"),
                TasksAddRate = stats.GetDouble("tasks_add_rate"),
                TasksDispatchRate = stats.GetDouble("tasks_dispatch_rate"),
            };
        }
    }

    /// <summary>A worker that polled a task queue recently (see <see cref="TaskQueueDescription.Pollers"/>).</summary>
    public sealed class PollerInfo
    {
        internal PollerInfo()
        {
        }

        /// <summary>The worker's identity.</summary>
        public string Identity { get; internal set; }

        /// <summary>When it last polled (UTC); null when the server did not say.</summary>
        public DateTime? LastAccessTime { get; internal set; }

        /// <summary>The poll rate the worker asked for, in tasks per second (0 when unset).</summary>
        public double RatePerSecond { get; internal set; }
    }

    /// <summary>A task queue's backlog and task rates, as the server estimates them (see <see cref="TaskQueueDescription.Stats"/>).</summary>
    public sealed class TaskQueueStats
    {
        internal TaskQueueStats()
        {
        }

        /// <summary>About how many tasks wait to be dispatched.</summary>
        public long ApproximateBacklogCount { get; internal set; }

        /// <summary>About how long the oldest waiting task has waited; null when the server did not say.</summary>
        public TimeSpan? ApproximateBacklogAge { get; internal set; }

        /// <summary>Tasks added per second.</summary>
        public double TasksAddRate { get; internal set; }

        /// <summary>Tasks dispatched per second.</summary>
        public double TasksDispatchRate { get; internal set; }
    }
}
