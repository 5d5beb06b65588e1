using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Every <see cref="WorkflowOptions"/> field reaches the server (checked by the workflow and by describe).</summary>
    [TestFixture]
    public class StartOptionsTests : ServerFixture
    {
        [Test]
        public async Task TheWorkflowSeesItsStartOptions()
        {
            var when = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
            var options = TestEnvironment.OptionsWithTimeoutsAndRetry("options");
            options.Memo = new Dictionary<string, object>
            {
                { "plain", new { nested = new object[] { 1, "x", null } } },
                { "raw", new RawJson("{\"r\": true}") },
            };
            options.TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(DevServerAttributes.Keyword, "kw")
                .Set(DevServerAttributes.Text, "some text")
                .Set(DevServerAttributes.Int, 42L)
                .Set(DevServerAttributes.Double, 2.5)
                .Set(DevServerAttributes.Bool, true)
                .Set(DevServerAttributes.Datetime, when)
                .Set(DevServerAttributes.KeywordList, new[] { "a", "b" })
                .ToSearchAttributeCollection();
            var handle = await Client.StartWorkflowAsync("Describe", null, options);
            var seen = await handle.GetResultAsync<Dictionary<string, object>>();

            Assert.AreEqual(options.Id, seen["workflow_id"]);
            Assert.AreEqual(handle.ResultRunId, seen["run_id"]);
            Assert.AreEqual(TestEnvironment.TaskQueue, seen["task_queue"]);
            Assert.AreEqual(3600.0, Convert.ToDouble(seen["execution_timeout"]));
            Assert.AreEqual(1800.0, Convert.ToDouble(seen["run_timeout"]));
            Assert.AreEqual(5.0, Convert.ToDouble(seen["task_timeout"]));
            var retry = (Dictionary<string, object>)seen["retry_policy"];
            Assert.AreEqual(2.0, Convert.ToDouble(retry["initial_interval"]));
            Assert.AreEqual(3.0, Convert.ToDouble(retry["backoff_coefficient"]));
            Assert.AreEqual(10.0, Convert.ToDouble(retry["maximum_interval"]));
            Assert.AreEqual(4L, retry["maximum_attempts"]);
            CollectionAssert.AreEqual(new[] { "Fatal" }, (List<object>)retry["non_retryable_error_types"]);
            var memo = (Dictionary<string, object>)seen["memo"];
            Assert.AreEqual(2, memo.Count);
            Assert.AreEqual("{\"nested\":[1,\"x\",null]}", RawJson.FromValue(memo["plain"]).Json);
            Assert.AreEqual("{\"r\":true}", RawJson.FromValue(memo["raw"]).Json);
            var attributes = (Dictionary<string, object>)seen["search_attributes"];
            Assert.AreEqual("kw", attributes["CustomKeyword"]);
            Assert.AreEqual("some text", attributes["CustomText"]);
            Assert.AreEqual(42L, attributes["CustomInt"]);
            Assert.AreEqual(2.5, attributes["CustomDouble"]);
            Assert.AreEqual(true, attributes["CustomBool"]);
            Assert.AreEqual(when, DateTimeOffset.Parse((string)attributes["CustomDatetime"]));
            CollectionAssert.AreEqual(new[] { "a", "b" }, (List<object>)attributes["CustomKeywordList"]);

            var description = await handle.DescribeAsync();
            Assert.AreEqual(TimeSpan.FromHours(1), description.ExecutionTimeout);
            Assert.AreEqual(TimeSpan.FromMinutes(30), description.RunTimeout);
            Assert.AreEqual(TimeSpan.FromSeconds(5), description.TaskTimeout);
            Assert.AreEqual(1L, description.Memo["plain"].ToValue<Dictionary<string, List<object>>>()["nested"][0]);
            Assert.IsTrue(description.Memo["raw"].ToValue<Dictionary<string, bool>>()["r"]);
            var typed = description.TypedSearchAttributes;
            Assert.AreEqual("kw", typed.Get(DevServerAttributes.Keyword));
            Assert.AreEqual("some text", typed.Get(DevServerAttributes.Text));
            Assert.AreEqual(42L, typed.Get(DevServerAttributes.Int));
            Assert.AreEqual(2.5, typed.Get(DevServerAttributes.Double));
            Assert.IsTrue(typed.Get(DevServerAttributes.Bool));
            Assert.AreEqual(when, typed.Get(DevServerAttributes.Datetime));
            CollectionAssert.AreEqual(new[] { "a", "b" }, typed.Get(DevServerAttributes.KeywordList));
            Assert.IsFalse(typed.ContainsKey(SearchAttributeKey.CreateLong("CustomKeyword")), "keys match by name and type");
        }

        [Test]
        public async Task DescribeShowsSummaryDetailsAndStartDelay()
        {
            var options = TestEnvironment.Options("delay");
            options.StartDelay = TimeSpan.FromHours(1);
            options.StaticSummary = "a summary";
            options.StaticDetails = "some\ndetails";
            var handle = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options);
            var description = await handle.DescribeAsync();
            Assert.AreEqual("a summary", description.StaticSummary);
            Assert.AreEqual("some\ndetails", description.StaticDetails);
            Assert.AreEqual(WorkflowExecutionStatus.Running, description.Status);
            Assert.AreEqual(TimeSpan.FromHours(1), description.ExecutionTime.Value - description.StartTime.Value);
            await handle.TerminateAsync("done checking");
        }

        [Test]
        public async Task ACronWorkflowWaitsForItsSchedule()
        {
            var options = TestEnvironment.Options("cron");
            options.CronSchedule = "0 0 1 1 *";
            var handle = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options);
            var description = await handle.DescribeAsync();
            var first = description.ExecutionTime.Value;
            Assert.Greater(first, description.StartTime.Value);
            Assert.AreEqual(new DateTime(first.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), first.AddTicks(-(first.Ticks % TimeSpan.TicksPerMinute)));
            await handle.TerminateAsync("done checking");
        }

        [Test]
        public async Task IdReusePolicies()
        {
            var options = TestEnvironment.Options("reuse");
            var first = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options);
            await first.GetResultAsync();

            options.IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate;
            var rejected = await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options));
            Assert.AreEqual(options.Id, rejected.WorkflowId);

            options.IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly;
            await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options));

            options.IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicate;
            var second = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args(2), options);
            Assert.AreNotEqual(first.ResultRunId, second.ResultRunId);
            Assert.AreEqual(2, await second.GetResultAsync<int>());

            var running = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            options.IdReusePolicy = WorkflowIdReusePolicy.TerminateIfRunning;
            var replacement = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args(3), options);
            Assert.AreEqual(3, await replacement.GetResultAsync<int>());
            var terminated = await Expect.ThrowsAsync<WorkflowFailedException>(() => running.GetResultAsync(false));
            Assert.IsInstanceOf<TerminatedFailureException>(terminated.InnerException);
        }

        [Test]
        public async Task IdConflictPolicies()
        {
            var options = TestEnvironment.Options("conflict");
            var first = await Client.StartWorkflowAsync("WaitForSignal", null, options);

            var conflict = await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => Client.StartWorkflowAsync("WaitForSignal", null, options));
            Assert.AreEqual(options.Id, conflict.WorkflowId);
            Assert.AreEqual(first.ResultRunId, conflict.RunId);

            options.IdConflictPolicy = WorkflowIdConflictPolicy.Fail;
            await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(() => Client.StartWorkflowAsync("WaitForSignal", null, options));

            options.IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting;
            var existing = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            Assert.AreEqual(first.ResultRunId, existing.ResultRunId);

            options.IdConflictPolicy = WorkflowIdConflictPolicy.TerminateExisting;
            var replacement = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            Assert.AreNotEqual(first.ResultRunId, replacement.ResultRunId);
            Assert.IsInstanceOf<TerminatedFailureException>(
                (await Expect.ThrowsAsync<WorkflowFailedException>(() => first.GetResultAsync(false))).InnerException);
            await replacement.TerminateAsync();
        }

        [Test]
        public async Task SignalWithStartStartsOnceAndSignalsEachTime()
        {
            var options = TestEnvironment.Options("signal-with-start");
            options.SignalWithStart("add", TestEnvironment.Args("x"));
            var first = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            options.SignalWithStart("add", TestEnvironment.Args("y"));
            var second = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            Assert.AreEqual(first.ResultRunId, second.ResultRunId);
            await second.SignalAsync("finish", TestEnvironment.Args("end"));
            var result = await first.GetResultAsync<SignalsResult>();
            CollectionAssert.AreEqual(new[] { "x", "y" }, result.Signals);
            Assert.AreEqual("end", result.Finish);
        }

        [Test]
        public void RequiredOptionsAreChecked()
        {
            Assert.Throws<ArgumentException>(() => new WorkflowOptions { TaskQueue = "q" }.ToRequest("Echo", null));
            Assert.Throws<ArgumentException>(() => new WorkflowOptions { Id = "id" }.ToRequest("Echo", null));
            Assert.Throws<ArgumentException>(() => new WorkflowOptions("id", "q").SignalWithStart("", null));
        }

        /// <summary>The result of WaitForSignal.</summary>
        public class SignalsResult
        {
            /// <summary>The values of the <c>add</c> signals.</summary>
            public List<string> Signals { get; set; }

            /// <summary>The value of the <c>finish</c> signal.</summary>
            public string Finish { get; set; }
        }
    }
}
