using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Json;

namespace TemporalCapi.Tests
{
    /// <summary>Describing task queues: the worker's pollers of each type, stats, an unused queue and bad input.</summary>
    [TestFixture]
    public class TaskQueueTests : ServerFixture
    {
        [TestCase(TaskQueueType.Workflow)]
        [TestCase(TaskQueueType.Activity)]
        public async Task TheWorkersQueueHasRecentPollersOfEachType(TaskQueueType type)
        {
            var options = new TaskQueueDescribeOptions { TaskQueueType = type };
            await Eventually.Holds(async () => AssertPolledRecently(await Client.DescribeTaskQueueAsync(TestEnvironment.TaskQueue, options)));
        }

        [Test]
        public async Task TheDefaultsDescribeTheWorkflowPollersWithoutStats()
        {
            var defaults = new TaskQueueDescribeOptions();
            Assert.AreEqual(TaskQueueType.Workflow, defaults.TaskQueueType);
            Assert.IsTrue(defaults.ReportPollers);
            Assert.IsFalse(defaults.ReportStats);
            await Eventually.Holds(async () => AssertPolledRecently(await Client.DescribeTaskQueueAsync(TestEnvironment.TaskQueue)));
        }

        [Test]
        public async Task PollersCanBeLeftOutAndStatsAskedFor()
        {
            var quiet = await Client.DescribeTaskQueueAsync(TestEnvironment.TaskQueue, new TaskQueueDescribeOptions { ReportPollers = false });
            Assert.IsEmpty(quiet.Pollers);
            Assert.IsNull(quiet.Stats);
            foreach (TaskQueueType type in Enum.GetValues(typeof(TaskQueueType)))
            {
                var described = await Client.DescribeTaskQueueAsync(
                    TestEnvironment.TaskQueue, new TaskQueueDescribeOptions { TaskQueueType = type, ReportStats = true });
                var stats = described.Stats;
                Assert.IsNotNull(stats, type.ToString());
                Assert.GreaterOrEqual(stats.ApproximateBacklogCount, 0);
                Assert.IsTrue(stats.ApproximateBacklogAge == null || stats.ApproximateBacklogAge >= TimeSpan.Zero);
                Assert.GreaterOrEqual(stats.TasksAddRate, 0.0);
                Assert.GreaterOrEqual(stats.TasksDispatchRate, 0.0);
            }
        }

        [Test]
        public async Task AnUnusedQueueHasNoPollers()
        {
            string unused = TestEnvironment.NewId("no-worker-queue");
            var workflow = await Client.DescribeTaskQueueAsync(unused);
            Assert.IsEmpty(workflow.Pollers);
            Assert.IsNull(workflow.Stats);
            var activity = await Client.DescribeTaskQueueAsync(
                unused, new TaskQueueDescribeOptions { TaskQueueType = TaskQueueType.Activity, ReportStats = true });
            Assert.IsEmpty(activity.Pollers);
            Assert.IsTrue(activity.Stats == null || activity.Stats.ApproximateBacklogCount == 0);
        }

        [Test]
        public async Task AnEmptyNameIsInvalid()
        {
            var e = await Expect.ThrowsAsync<InvalidArgumentException>(() => Client.DescribeTaskQueueAsync(""));
            Assert.AreEqual("task_queue", e.ParamName);
        }

        [Test]
        public void ResponsesAreRead()
        {
            var described = new TaskQueueDescription(JsonFields.ParseObject(
                "{\"pollers\": [{\"identity\": \"w@host\", \"last_access_time\": \"2030-01-02T03:04:05.5Z\", \"rate_per_second\": 5}," +
                " {\"identity\": \"bare\", \"last_access_time\": null}]," +
                " \"stats\": {\"approximate_backlog_count\": 3, \"approximate_backlog_age\": 1.5, \"tasks_add_rate\": 0.25, \"tasks_dispatch_rate\": 0.5}}"));
            Assert.AreEqual(2, described.Pollers.Count);
            Assert.AreEqual("w@host", described.Pollers[0].Identity);
            Assert.AreEqual(new DateTime(2030, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc), described.Pollers[0].LastAccessTime);
            Assert.AreEqual(DateTimeKind.Utc, described.Pollers[0].LastAccessTime.Value.Kind);
            Assert.AreEqual(5.0, described.Pollers[0].RatePerSecond);
            Assert.IsNull(described.Pollers[1].LastAccessTime);
            Assert.AreEqual(0.0, described.Pollers[1].RatePerSecond);
            Assert.AreEqual(3, described.Stats.ApproximateBacklogCount);
            Assert.AreEqual(TimeSpan.FromSeconds(1.5), described.Stats.ApproximateBacklogAge);
            Assert.AreEqual(0.25, described.Stats.TasksAddRate);
            Assert.AreEqual(0.5, described.Stats.TasksDispatchRate);
            Assert.IsNull(new TaskQueueDescription(new Dictionary<string, object> { { "pollers", null }, { "stats", null } }).Stats);
        }

        /// <summary>Someone polls the queue; every poller has an identity and polled within the last minutes.</summary>
        private static bool AssertPolledRecently(TaskQueueDescription description)
        {
            Assert.IsNull(description.Stats);
            Assert.IsNotEmpty(description.Pollers, "the test worker polls this queue");
            foreach (var poller in description.Pollers)
            {
                Assert.IsNotNullOrEmpty(poller.Identity);
                Assert.IsTrue(poller.LastAccessTime.HasValue, poller.Identity);
                var age = DateTime.UtcNow - poller.LastAccessTime.Value;
                Assert.IsTrue(age < TimeSpan.FromMinutes(5) && age > TimeSpan.FromMinutes(-1), "last polled " + age + " ago");
                Assert.GreaterOrEqual(poller.RatePerSecond, 0.0);
            }
            return true;
        }
    }
}
