using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>The Durable Task client: scheduling, waiting, querying, purging and instance control.</summary>
    [TestFixture]
    public class DurableTaskTests : ServerFixture
    {
        private static DurableTaskClient Durable
        {
            get { return Client.GetDurableTaskClient(TestEnvironment.TaskQueue); }
        }

        [Test]
        public async Task ScheduleAtALaterTimeDelaysTheFirstTask()
        {
            var startAt = DateTimeOffset.UtcNow.AddHours(1);
            string instanceId = await Durable.ScheduleNewOrchestrationInstanceAsync(
                "Echo", "later", new StartOrchestrationOptions { InstanceId = TestEnvironment.NewId("dt-later"), StartAt = startAt });
            var scheduled = await Durable.GetInstanceAsync(instanceId);
            Assert.AreEqual(WorkflowExecutionStatus.Running, scheduled.RuntimeStatus);
            Assert.IsTrue(scheduled.IsRunning);
            Assert.IsFalse(scheduled.IsCompleted);
            var description = scheduled.Description;
            Assert.Greater(description.ExecutionTime.Value - description.StartTime.Value, TimeSpan.FromMinutes(50));
            Assert.LessOrEqual(description.ExecutionTime.Value, startAt.UtcDateTime.AddMinutes(1));
            Assert.AreEqual(1, description.HistoryLength, "only the started event: the first workflow task waits for the start time");

            await Durable.TerminateInstanceAsync(instanceId, "not waiting an hour");
            var ended = await Durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true);
            Assert.AreEqual(WorkflowExecutionStatus.Terminated, ended.RuntimeStatus);
            var terminated = (TerminatedFailureException)ended.Failure;
            Assert.AreEqual("not waiting an hour", terminated.Message);
            Assert.AreEqual("\"not waiting an hour\"", terminated.Details.Single().Json);
            Assert.IsNull(ended.SerializedOutput);
            Assert.AreEqual("later", ended.ReadInputAs<string>());
        }

        [Test]
        public async Task WaitForStartThenCompletionReportsInputAndOutput()
        {
            var input = new Dictionary<string, object> { { "order", 7 }, { "items", new[] { "a", "b" } } };
            string instanceId = await Durable.ScheduleNewOrchestrationInstanceAsync(
                "Echo", input, new StartOrchestrationOptions { StartAt = DateTimeOffset.UtcNow.AddDays(-1) });

            var started = await Durable.WaitForInstanceStartAsync(instanceId);
            Assert.AreEqual(instanceId, started.InstanceId);
            Assert.AreEqual("Echo", started.Name);
            Assert.AreEqual(started.Description.StartTime, started.Description.ExecutionTime, "a past start time: no delay");
            Assert.GreaterOrEqual(started.Description.HistoryLength, 3, "the first workflow task has started");

            var ended = await Durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true);
            Assert.AreEqual(instanceId, ended.InstanceId);
            Assert.AreEqual(started.RunId, ended.RunId);
            Assert.AreEqual("Echo", ended.Name);
            Assert.AreEqual(WorkflowExecutionStatus.Completed, ended.RuntimeStatus);
            Assert.IsTrue(ended.IsCompleted);
            Assert.IsNull(ended.Failure);
            Assert.IsNull(ended.Description);
            Assert.AreEqual(1, ended.Input.Count);
            Assert.AreEqual(new[] { "a", "b" }, new RawJson(ended.SerializedInput).ToValue<Dictionary<string, object>>()["items"]);
            Assert.AreEqual(
                new RawJson(ended.SerializedInput).ToValue<Dictionary<string, object>>(),
                new RawJson(ended.SerializedOutput).ToValue<Dictionary<string, object>>());
            Assert.AreEqual(7L, ended.ReadOutputAs<Dictionary<string, object>>()["order"]);
            Assert.AreEqual(7L, ended.ReadInputAs<Dictionary<string, object>>()["order"]);
            Assert.AreEqual(started.Description.StartTime, ended.CreatedAt);
            Assert.GreaterOrEqual(ended.LastUpdatedAt.Value, ended.CreatedAt.Value);

            var bare = await Durable.WaitForInstanceCompletionAsync(instanceId);
            Assert.AreEqual(WorkflowExecutionStatus.Completed, bare.RuntimeStatus);
            Assert.IsNull(bare.Input);
            Assert.IsNull(bare.SerializedInput);
            Assert.IsNull(bare.SerializedOutput);

            var got = await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            Assert.AreEqual(WorkflowExecutionStatus.Completed, got.RuntimeStatus);
            Assert.AreEqual(ended.SerializedOutput, got.SerializedOutput);
            Assert.AreEqual(WorkflowExecutionStatus.Completed, got.Description.Status);
            Assert.IsNull((await Durable.GetInstanceAsync(instanceId)).SerializedOutput);
        }

        [Test]
        public async Task WaitForCompletionReportsFailuresWithoutThrowing()
        {
            var failed = await StartAsync("Fail", "dt-fail", "boom", "Kind", true);
            var chained = await StartAsync("ContinueAsNew", "dt-can", 2);
            var cancelled = await StartAsync("Forever", "dt-cancel");
            await cancelled.CancelAsync();

            var outcomes = await Task.WhenAll(
                Durable.WaitForInstanceCompletionAsync(failed.Id, getInputsAndOutputs: true),
                Durable.WaitForInstanceCompletionAsync(chained.Id, getInputsAndOutputs: true),
                Durable.WaitForInstanceCompletionAsync(cancelled.Id));

            var fail = outcomes[0];
            Assert.AreEqual(WorkflowExecutionStatus.Failed, fail.RuntimeStatus);
            Assert.IsTrue(fail.IsCompleted);
            var application = (ApplicationFailureException)fail.Failure;
            Assert.AreEqual("boom", application.Message);
            Assert.AreEqual("Kind", application.ErrorType);
            Assert.IsTrue(application.NonRetryable);
            Assert.AreEqual(new[] { "\"boom\"", "\"Kind\"", "true" }, fail.Input.Select(i => i.Json).ToArray());
            Assert.IsNull(fail.SerializedOutput);

            var chain = outcomes[1];
            Assert.AreEqual(WorkflowExecutionStatus.Completed, chain.RuntimeStatus);
            Assert.AreEqual("done", chain.ReadOutputAs<string>());
            Assert.AreNotEqual(chained.ResultRunId, chain.RunId, "the final run of the chain");
            Assert.AreEqual(0, chain.ReadInputAs<int>());

            Assert.AreEqual(WorkflowExecutionStatus.Canceled, outcomes[2].RuntimeStatus);
            Assert.IsInstanceOf<CanceledFailureException>(outcomes[2].Failure);

            var got = await Durable.GetInstanceAsync(failed.Id);
            Assert.AreEqual(WorkflowExecutionStatus.Failed, got.RuntimeStatus);
            Assert.AreEqual("Kind", ((ApplicationFailureException)got.Failure).ErrorType);
        }

        [Test]
        public async Task QueryInstancesFiltersByEveryKeyAndPages()
        {
            string prefix = TestEnvironment.NewId("dt-q");
            var before = DateTime.UtcNow.AddMinutes(-5);
            var completed = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Client.StartWorkflowAsync(
                "Echo", TestEnvironment.Args(i), new WorkflowOptions(prefix + "-" + i, TestEnvironment.TaskQueue))));
            await Task.WhenAll(completed.Select(h => h.GetResultAsync()));
            var running = await Client.StartWorkflowAsync("Forever", null, new WorkflowOptions(prefix + "-running", TestEnvironment.TaskQueue));
            var ids = completed.Select(h => h.Id).ToList();

            var pages = await Eventually.Holds(async () =>
            {
                var query = new OrchestrationQuery
                {
                    InstanceIdPrefix = prefix,
                    RuntimeStatus = new[] { WorkflowExecutionStatus.Completed },
                    PageSize = 2,
                };
                var read = new List<OrchestrationQueryResult>();
                do
                {
                    var page = await Durable.QueryInstancesAsync(query);
                    read.Add(page);
                    query.ContinuationToken = page.ContinuationToken;
                }
                while (query.ContinuationToken != null);
                Assert.AreEqual(5, read.Sum(p => p.Instances.Count));
                return read;
            });
            Assert.AreEqual(new[] { 2, 2, 1 }, pages.Select(p => p.Instances.Count).Take(3).ToArray());
            CollectionAssert.AreEquivalent(ids, pages.SelectMany(p => p.Instances.Select(i => i.Id)).ToList());
            Assert.IsTrue(pages.SelectMany(p => p.Instances).All(i => i.Status == WorkflowExecutionStatus.Completed));
            StringAssert.Contains("STARTS_WITH", pages[0].Query);
            StringAssert.Contains("ExecutionStatus IN ('Completed')", pages[0].Query);

            var all = Durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2 });
            var enumerated = await Eventually.Holds(async () =>
            {
                // The running instance, started last, may not be visible yet.
                var found = new List<string>();
                var instances = all.GetAsyncEnumerator();
                while (await instances.MoveNextAsync())
                {
                    found.Add(instances.Current.Id);
                }
                CollectionAssert.AreEquivalent(ids.Concat(new[] { running.Id }).ToList(), found);
                return found;
            });
            var firstPage = await all.GetPageAsync();
            var resumed = await Durable.GetAllInstancesAsync(
                new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2, ContinuationToken = firstPage.NextPageToken }).ToListAsync();
            CollectionAssert.AreEquivalent(enumerated, firstPage.Items.Select(i => i.Id).Concat(resumed.Select(i => i.Id)).ToList());

            var open = await Eventually.Holds(async () =>
            {
                var page = await Durable.QueryInstancesAsync(new OrchestrationQuery
                {
                    InstanceIdPrefix = prefix,
                    RuntimeStatus = new[] { WorkflowExecutionStatus.Running, WorkflowExecutionStatus.Paused },
                    WorkflowType = "Forever",
                });
                Assert.AreEqual(1, page.Instances.Count);
                return page;
            });
            Assert.AreEqual(running.Id, open.Instances[0].Id);
            Assert.IsNull(open.ContinuationToken);

            Assert.AreEqual(6, await CountAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = prefix,
                TaskQueue = TestEnvironment.TaskQueue,
                CreatedFrom = before,
                CreatedTo = DateTime.UtcNow.AddMinutes(5),
            }));
            Assert.AreEqual(5, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, WorkflowType = "Echo" }));
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, WorkflowType = "EchoArgs" }));
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, TaskQueue = prefix }));
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedTo = before }));
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedFrom = DateTime.UtcNow.AddHours(1) }));
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = prefix,
                RuntimeStatus = new[] { WorkflowExecutionStatus.Failed, WorkflowExecutionStatus.TimedOut, WorkflowExecutionStatus.ContinuedAsNew },
            }));
            await running.TerminateAsync();
        }

        [Test]
        public async Task FilterValuesWithQuotesMatchLiterally()
        {
            string marker = TestEnvironment.NewId("dt-quote");
            string id = marker + "-it's";
            string type = "Type'" + marker;
            string queue = "queue'" + marker;
            var quoted = await Client.StartWorkflowAsync(type, null, new WorkflowOptions(id, queue));

            var byPrefix = await Eventually.Holds(async () =>
            {
                var page = await Durable.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = marker + "-it'" });
                Assert.AreEqual(1, page.Instances.Count);
                return page;
            });
            Assert.AreEqual(id, byPrefix.Instances[0].Id);
            StringAssert.Contains("'" + marker + "-it\\''", byPrefix.Query);
            Assert.AreEqual(new[] { id }, await IdsAsync(new OrchestrationQuery { WorkflowType = type }));
            Assert.AreEqual(new[] { id }, await IdsAsync(new OrchestrationQuery { TaskQueue = queue }));
            Assert.AreEqual(new[] { id }, await IdsAsync(new OrchestrationQuery { InstanceIdPrefix = id, WorkflowType = type, TaskQueue = queue }));

            var injected = await Durable.QueryInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = "x' OR WorkflowId != '",
                WorkflowType = "a' OR WorkflowType != 'a",
                TaskQueue = "q') OR ('1' = '1",
            });
            Assert.IsEmpty(injected.Instances, "a quote cannot end the literal");
            StringAssert.Contains("'x\\' OR WorkflowId != \\''", injected.Query);
            Assert.AreEqual(0, await CountAsync(new OrchestrationQuery { InstanceIdPrefix = "' OR '' = '" }));
            await quoted.TerminateAsync();
        }

        [Test]
        public async Task PurgeAllInstancesDeletesEveryMatchAndCountsThem()
        {
            // Running instances: the dev server deletes a closed run only after ~20-30 s, a running one at once.
            string prefix = TestEnvironment.NewId("dt-purge");
            var handles = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Client.StartWorkflowAsync(
                "Forever", null, new WorkflowOptions(prefix + "-" + i, TestEnvironment.TaskQueue))));
            var other = await StartAsync("Forever", "dt-purge-other");
            var filter = new OrchestrationQuery { InstanceIdPrefix = prefix };
            await Eventually.Holds(async () =>
            {
                Assert.AreEqual(4, await CountAsync(filter));
                return true;
            });

            var purged = await Durable.PurgeAllInstancesAsync(new PurgeInstancesFilter
            {
                InstanceIdPrefix = prefix,
                RuntimeStatus = new[] { WorkflowExecutionStatus.Running },
                WorkflowType = "Forever",
                TaskQueue = TestEnvironment.TaskQueue,
                CreatedFrom = DateTime.UtcNow.AddHours(-1),
                CreatedTo = DateTime.UtcNow.AddHours(1),
                MaxConcurrency = 2,
            });
            Assert.AreEqual(4, purged.PurgedInstanceCount);
            await Eventually.Holds(async () =>
            {
                Assert.AreEqual(0, await CountAsync(filter));
                return true;
            });
            foreach (var handle in handles)
            {
                await Eventually.Gone(handle);
            }
            Assert.AreEqual(WorkflowExecutionStatus.Running, (await other.DescribeAsync()).Status, "outside the filter");
            Assert.AreEqual(0, (await Durable.PurgeAllInstancesAsync(new PurgeInstancesFilter { InstanceIdPrefix = prefix })).PurgedInstanceCount);

            var concurrency = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Durable.PurgeAllInstancesAsync(new PurgeInstancesFilter { InstanceIdPrefix = prefix, MaxConcurrency = 0 }));
            Assert.AreEqual("max_concurrency", concurrency.ParamName);
            await other.TerminateAsync();
        }

        [Test]
        public async Task RaiseEventSuspendResumeTerminateAndPurgeInstance()
        {
            string instanceId = await Durable.ScheduleNewOrchestrationInstanceAsync(
                "WaitForSignal", null, new StartOrchestrationOptions { InstanceId = TestEnvironment.NewId("dt-ctl") });
            var handle = Client.GetWorkflowHandle(instanceId);
            await Durable.RaiseEventAsync(instanceId, "add", new Dictionary<string, int> { { "event", 1 } });
            Assert.AreEqual("[{\"event\":1}]", (await handle.QueryAsync<RawJson>("state", null)).Json);

            await Durable.SuspendInstanceAsync(instanceId, "hold");
            var suspended = await Durable.GetInstanceAsync(instanceId);
            Assert.AreEqual(WorkflowExecutionStatus.Paused, suspended.RuntimeStatus);
            Assert.IsTrue(suspended.IsRunning);
            Assert.IsTrue(suspended.Description.Paused);
            Assert.IsNull(suspended.LastUpdatedAt);
            await Durable.ResumeInstanceAsync(instanceId, "go on");
            Assert.AreEqual(WorkflowExecutionStatus.Running, (await Durable.GetInstanceAsync(instanceId)).RuntimeStatus);
            await Durable.RaiseEventAsync(instanceId, "add", 2);
            Assert.AreEqual("[{\"event\":1},2]", (await handle.QueryAsync<RawJson>("state", null)).Json);

            Assert.AreEqual(1, (await Durable.PurgeInstanceAsync(instanceId)).PurgedInstanceCount);
            await Eventually.Gone(handle);
            Assert.IsNull(await Durable.GetInstanceAsync(instanceId));
            Assert.AreEqual(0, (await Durable.PurgeInstanceAsync(instanceId)).PurgedInstanceCount);

            string other = await Client.GetDurableTaskClient().ScheduleNewOrchestrationInstanceAsync(
                "Forever", null, new StartOrchestrationOptions { TaskQueue = TestEnvironment.TaskQueue });
            await Durable.TerminateInstanceAsync(other, new Dictionary<string, object> { { "by", "admin" } });
            var ended = await Durable.WaitForInstanceCompletionAsync(other);
            Assert.AreEqual(WorkflowExecutionStatus.Terminated, ended.RuntimeStatus);
            Assert.AreEqual("{\"by\":\"admin\"}", ((TerminatedFailureException)ended.Failure).Details.Single().Json);
        }

        [Test]
        public async Task UnknownInstancesAndBadFiltersThrow()
        {
            string missing = TestEnvironment.NewId("dt-missing");
            var calls = new Func<Task>[]
            {
                () => Durable.WaitForInstanceStartAsync(missing),
                () => Durable.WaitForInstanceCompletionAsync(missing),
                () => Durable.RaiseEventAsync(missing, "add", 1),
                () => Durable.TerminateInstanceAsync(missing),
                () => Durable.SuspendInstanceAsync(missing),
                () => Durable.ResumeInstanceAsync(missing),
            };
            foreach (var call in calls)
            {
                await Expect.NotFoundAsync(call);
            }
            Assert.IsNull(await Durable.GetInstanceAsync(missing));

            var noQueue = await Expect.ThrowsAsync<ArgumentException>(
                () => Client.GetDurableTaskClient().ScheduleNewOrchestrationInstanceAsync("Echo", 1));
            Assert.AreEqual("options", noQueue.ParamName);
            var status = await Expect.ThrowsAsync<InvalidArgumentException>(() => Durable.QueryInstancesAsync(
                new OrchestrationQuery { RuntimeStatus = new[] { WorkflowExecutionStatus.Unspecified } }));
            StringAssert.StartsWith("statuses", status.ParamName);
            var size = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Durable.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 0 }).ToListAsync());
            Assert.AreEqual("page_size", size.ParamName);
            await Expect.ThrowsAsync<ArgumentNullException>(() => Durable.PurgeAllInstancesAsync(null));
        }

        private static async Task<int> CountAsync(OrchestrationQuery query)
        {
            return (await Durable.GetAllInstancesAsync(query).ToListAsync()).Count;
        }

        private static async Task<string[]> IdsAsync(OrchestrationQuery query)
        {
            return await Eventually.Holds(async () =>
            {
                var ids = (await Durable.GetAllInstancesAsync(query).ToListAsync()).Select(i => i.Id).ToArray();
                Assert.AreEqual(1, ids.Length);
                return ids;
            });
        }
    }
}
