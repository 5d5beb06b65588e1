using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Deleting, pausing, unpausing and resetting workflows.</summary>
    [TestFixture]
    public class WorkflowLifecycleTests : ServerFixture
    {
        [Test]
        public async Task PauseAndUnpauseShowInDescribe()
        {
            var handle = await StartAsync("WaitForSignal", "pause");
            await handle.QueryAsync<object>("state", null);
            await handle.PauseAsync("maintenance");
            var paused = await handle.DescribeAsync();
            Assert.IsTrue(paused.Paused);
            Assert.AreEqual(WorkflowExecutionStatus.Paused, paused.Status);

            await handle.UnpauseAsync("done");
            var resumed = await handle.DescribeAsync();
            Assert.IsFalse(resumed.Paused);
            Assert.AreEqual(WorkflowExecutionStatus.Running, resumed.Status);
            await handle.SignalAsync("add", TestEnvironment.Args(1));
            var result = await FinishAsync<Dictionary<string, RawJson>>(handle, null);
            Assert.AreEqual("[1]", result["signals"].Json);
        }

        [Test]
        public async Task DeleteRemovesARunningWorkflowAndItsHistory()
        {
            var handle = await StartAsync("Forever", "delete");
            await handle.DeleteAsync();
            await Eventually.Gone(handle);
            await Expect.NotFoundAsync(() => handle.FetchHistoryAsync());
        }

        [Test]
        public async Task DeleteRemovesAClosedWorkflow()
        {
            var handle = await StartAsync("Echo", "delclosed", "x");
            await handle.GetResultAsync();
            await handle.DeleteAsync();
            // The dev server deletes a closed run after a delay of about 20-30 s.
            await Eventually.Gone(handle, TimeSpan.FromSeconds(120));
        }

        [Test]
        public async Task ResetStartsANewRunThatKeepsLaterSignals()
        {
            var handle = await StartAsync("WaitForSignal", "reset");
            await handle.SignalAsync("add", TestEnvironment.Args("kept"));
            Assert.AreEqual(new[] { "kept" }, await handle.QueryAsync<string[]>("state", null));

            var reset = await handle.ResetAsync(
                new WorkflowResetOptions(WorkflowResetTarget.FirstWorkflowTask) { Reason = "testing reset" });
            Assert.AreEqual(handle.Id, reset.Id);
            Assert.IsNotNull(reset.RunId);
            Assert.AreNotEqual(handle.ResultRunId, reset.RunId);
            var old = await Client.GetWorkflowHandle(handle.Id, handle.ResultRunId).DescribeAsync();
            Assert.AreEqual(WorkflowExecutionStatus.Terminated, old.Status);
            var latest = await handle.DescribeAsync();
            Assert.AreEqual(reset.RunId, latest.RunId);
            Assert.AreEqual(WorkflowExecutionStatus.Running, latest.Status);
            Assert.AreEqual(new[] { "kept" }, await reset.QueryAsync<string[]>("state", null), "signals after the reset point are reapplied");

            var history = await reset.FetchHistoryAsync();
            var resetFailure = history.Events
                .Where(e => e.EventType == "EVENT_TYPE_WORKFLOW_TASK_FAILED")
                .Select(e => e.Attributes.ToValue<Dictionary<string, object>>())
                .Single(a => (string)a["cause"] == "WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW");
            Assert.AreEqual("testing reset", ((Dictionary<string, object>)resetFailure["failure"])["message"]);

            long lastCompleted = history.Events.Last(e => e.EventType == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED").EventId;
            var again = await reset.ResetAsync(new WorkflowResetOptions(lastCompleted) { RequestId = Guid.NewGuid().ToString() });
            Assert.AreNotEqual(reset.RunId, again.RunId);
            Assert.AreNotEqual(handle.ResultRunId, again.RunId);
            Assert.AreEqual(again.RunId, (await handle.DescribeAsync()).RunId);
            var result = await FinishAsync<Dictionary<string, RawJson>>(again, null);
            Assert.AreEqual("[\"kept\"]", result["signals"].Json);
        }

        [Test]
        public async Task ResetNeedsExactlyOneTarget()
        {
            var handle = await StartAsync("WaitForSignal", "resetbad");
            await handle.QueryAsync<object>("state", null);
            var neither = await Expect.ThrowsAsync<InvalidArgumentException>(() => handle.ResetAsync(new WorkflowResetOptions()));
            Assert.AreEqual("event_id", neither.ParamName);
            var both = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => handle.ResetAsync(new WorkflowResetOptions(4) { Target = WorkflowResetTarget.LastWorkflowTask }));
            Assert.AreEqual("event_id", both.ParamName);
            await Expect.ThrowsAsync<ArgumentNullException>(() => handle.ResetAsync(null));
            Assert.AreEqual(WorkflowExecutionStatus.Running, (await handle.DescribeAsync()).Status, "nothing was reset");
            await handle.TerminateAsync();
        }

        [Test]
        public async Task LifecycleCallsOnAnUnknownWorkflowThrowNotFound()
        {
            var handle = Client.GetWorkflowHandle(TestEnvironment.NewId("lcmissing"));
            var calls = new Func<Task>[]
            {
                () => handle.DeleteAsync(),
                () => handle.PauseAsync(),
                () => handle.UnpauseAsync("x"),
                () => handle.ResetAsync(new WorkflowResetOptions(WorkflowResetTarget.LastWorkflowTask)),
                () => handle.ResetAsync(new WorkflowResetOptions(3)),
            };
            foreach (var call in calls)
            {
                var error = await Expect.NotFoundAsync(call);
                Assert.AreEqual("not_found", error.ErrorCode);
            }
        }
    }
}
