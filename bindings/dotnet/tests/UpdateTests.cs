using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Workflow updates against the worker's WaitForSignal (update set_value, validator rejects negatives; update fail_update).</summary>
    [TestFixture]
    public class UpdateTests : ServerFixture
    {
        [Test]
        public async Task ExecuteUpdateReturnsTheHandlerResult()
        {
            var handle = await StartAsync("WaitForSignal", "upd");
            var results = new List<int>();
            foreach (var value in new[] { 5, 7, 11 })
            {
                results.Add(await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(value)));
            }
            CollectionAssert.AreEqual(new[] { 0, 5, 7 }, results);
            await handle.ExecuteUpdateAsync("set_value", TestEnvironment.Args(12));
            Assert.AreEqual(12, await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(0)));

            Assert.AreEqual(0, await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(1), new WorkflowUpdateOptions("fixed")));
            Assert.AreEqual(
                0,
                await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(99), new WorkflowUpdateOptions("fixed")),
                "an update id is idempotent: the same id returns the first outcome");
            Assert.AreEqual(1, await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(2)));

            Assert.AreEqual("end", (await FinishAsync<Dictionary<string, object>>(handle, "end"))["finish"]);
        }

        [Test]
        public async Task ARejectedUpdateThrowsWithTheValidatorFailureAndChangesNothing()
        {
            var handle = await StartAsync("WaitForSignal", "updrej");
            await handle.ExecuteUpdateAsync("set_value", TestEnvironment.Args(3));
            var e = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(
                () => handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(-1)));
            var failure = (ApplicationFailureException)e.InnerException;
            Assert.AreEqual("negative", failure.Message);
            Assert.AreEqual("ValueError", failure.ErrorType);
            Assert.AreEqual(3, await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(4)), "a rejected update changes nothing");
            await handle.TerminateAsync();
        }

        [Test]
        public async Task AFailingHandlerThrowsWithItsApplicationFailure()
        {
            var handle = await StartAsync("WaitForSignal", "updfail");
            try
            {
                var e = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync("fail_update", null));
                var failure = (ApplicationFailureException)e.InnerException;
                Assert.AreEqual("update failed", failure.Message);
                Assert.AreEqual("UpdateErr", failure.ErrorType);
                Assert.AreEqual("application", failure.Failure.ToValue<Dictionary<string, object>>()["kind"]);

                var started = await handle.StartUpdateAsync<int>(
                    "fail_update", null, new WorkflowUpdateStartOptions(WorkflowUpdateStage.Completed));
                var later = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(() => started.GetResultAsync());
                Assert.AreEqual("UpdateErr", ((ApplicationFailureException)later.InnerException).ErrorType);
            }
            finally
            {
                await handle.TerminateAsync();
            }
        }

        [Test]
        public async Task StartUpdateReturnsHandlesWhoseResultsCanBeReadLater()
        {
            var handle = await StartAsync("WaitForSignal", "updstart");
            var accepted = await handle.StartUpdateAsync<int>(
                "set_value", TestEnvironment.Args(10), new WorkflowUpdateStartOptions { Id = "first" });
            Assert.AreEqual("first", accepted.Id);
            Assert.AreEqual(handle.Id, accepted.WorkflowId);
            Assert.IsNull(accepted.WorkflowRunId);
            Assert.AreEqual(0, await accepted.GetResultAsync());
            Assert.AreEqual(0, await accepted.GetResultAsync());

            var completed = await handle.StartUpdateAsync(
                "set_value", TestEnvironment.Args(20), new WorkflowUpdateStartOptions(WorkflowUpdateStage.Completed));
            Assert.IsNotNullOrEmpty(completed.Id);
            Assert.AreNotEqual("first", completed.Id);
            Assert.AreEqual(10L, await completed.GetResultAsync<object>());

            var byId = handle.GetUpdateHandle<int>("first");
            Assert.AreEqual(0, await byId.GetResultAsync());
            Assert.AreEqual("0", (await handle.GetUpdateHandle("first").GetResultAsync<RawJson>()).Json);
            Assert.AreEqual(10, await handle.GetUpdateHandle<int>(completed.Id).GetResultAsync());

            var rejected = await handle.StartUpdateAsync<int>("set_value", TestEnvironment.Args(-3));
            var first = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(() => rejected.GetResultAsync());
            var second = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(() => rejected.GetResultAsync());
            Assert.AreSame(first, second, "the known outcome is reported without another call");
            Assert.AreEqual("ValueError", ((ApplicationFailureException)first.InnerException).ErrorType);

            await Expect.NotFoundAsync(() => handle.GetUpdateHandle("no-such-update").GetResultAsync());
            Assert.AreEqual(20, await handle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(0)));
            await handle.TerminateAsync();
        }

        [Test]
        public async Task UpdateHandlesCanBePinnedToARun()
        {
            var started = await StartAsync("WaitForSignal", "updrun");
            var pinned = Client.GetWorkflowHandle(started.Id, started.ResultRunId);
            var update = await pinned.StartUpdateAsync<int>("set_value", TestEnvironment.Args(1));
            Assert.AreEqual(started.ResultRunId, update.WorkflowRunId);
            var other = started.GetUpdateHandle<int>(update.Id, started.ResultRunId);
            Assert.AreEqual(started.ResultRunId, other.WorkflowRunId);
            Assert.AreEqual(0, await update.GetResultAsync());
            Assert.AreEqual(0, await other.GetResultAsync());
            await started.TerminateAsync();
        }

        [Test]
        public async Task UpdatesOfMissingOrClosedWorkflowsThrowNotFound()
        {
            await Expect.NotFoundAsync(
                () => Client.GetWorkflowHandle(TestEnvironment.NewId("updmissing")).ExecuteUpdateAsync("set_value", TestEnvironment.Args(1)));

            var done = await StartAsync("Echo", "upddone", 1);
            await done.GetResultAsync();
            await Expect.NotFoundAsync(() => done.StartUpdateAsync("set_value", TestEnvironment.Args(1)));
        }

        [Test]
        public async Task UpdateWithStartStartsOnceThenUsesTheRunningWorkflow()
        {
            string workflowId = TestEnvironment.NewId("uws");
            var firstOperation = Operation(workflowId, WorkflowIdConflictPolicy.UseExisting);
            Assert.IsFalse(firstOperation.IsUsed);
            Assert.Throws<InvalidOperationException>(() => firstOperation.GetHandleAsync());
            int first = await Client.ExecuteUpdateWithStartWorkflowAsync<int>(
                "set_value", TestEnvironment.Args(3), new WorkflowUpdateWithStartOptions(firstOperation));
            Assert.AreEqual(0, first);
            var firstHandle = await firstOperation.GetHandleAsync();
            Assert.AreEqual(workflowId, firstHandle.Id);
            Assert.IsNotNullOrEmpty(firstHandle.ResultRunId);
            Assert.AreEqual(firstHandle.ResultRunId, firstHandle.FirstExecutionRunId, "this call started the run");

            var secondOperation = Operation(workflowId, WorkflowIdConflictPolicy.UseExisting);
            var update = await Client.StartUpdateWithStartWorkflowAsync<int>(
                "set_value",
                TestEnvironment.Args(4),
                new WorkflowStartUpdateWithStartOptions(secondOperation) { Id = "uws-update" });
            Assert.AreEqual("uws-update", update.Id);
            Assert.AreEqual(workflowId, update.WorkflowId);
            Assert.AreEqual(3, await update.GetResultAsync());
            var secondHandle = await secondOperation.GetHandleAsync();
            Assert.AreEqual(firstHandle.ResultRunId, secondHandle.ResultRunId, "the update went to the running workflow");
            Assert.IsNull(secondHandle.FirstExecutionRunId, "this call did not start the run");
            await Expect.ThrowsAsync<InvalidOperationException>(
                () => Client.ExecuteUpdateWithStartWorkflowAsync("set_value", TestEnvironment.Args(5), new WorkflowUpdateWithStartOptions(secondOperation)));

            var rejectedOperation = Operation(workflowId, WorkflowIdConflictPolicy.UseExisting);
            var rejected = await Expect.ThrowsAsync<WorkflowUpdateFailedException>(
                () => Client.ExecuteUpdateWithStartWorkflowAsync<int>(
                    "set_value", TestEnvironment.Args(-5), new WorkflowUpdateWithStartOptions(rejectedOperation)));
            Assert.AreEqual("ValueError", ((ApplicationFailureException)rejected.InnerException).ErrorType);
            Assert.AreEqual(workflowId, (await rejectedOperation.GetHandleAsync()).Id);

            var conflictOperation = Operation(workflowId, WorkflowIdConflictPolicy.Fail);
            var conflict = await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => Client.ExecuteUpdateWithStartWorkflowAsync(
                    "set_value", TestEnvironment.Args(6), new WorkflowUpdateWithStartOptions(conflictOperation)));
            Assert.AreEqual(workflowId, conflict.WorkflowId);
            Assert.AreEqual(firstHandle.ResultRunId, conflict.RunId);
            var again = await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(() => conflictOperation.GetHandleAsync());
            Assert.AreSame(conflict, again);

            Assert.AreEqual(4, await firstHandle.ExecuteUpdateAsync<int>("set_value", TestEnvironment.Args(0)));
            Assert.AreEqual("end", (await FinishAsync<Dictionary<string, object>>(firstHandle, "end"))["finish"]);
        }

        [Test]
        public void UpdateWithStartNeedsAConflictPolicyAndNoSignal()
        {
            var options = TestEnvironment.Options("uwsbad");
            Assert.Throws<ArgumentException>(() => WithStartWorkflowOperation.Create("WaitForSignal", null, options));
            options.IdConflictPolicy = WorkflowIdConflictPolicy.Fail;
            options.SignalWithStart("add", TestEnvironment.Args(1));
            Assert.Throws<ArgumentException>(() => WithStartWorkflowOperation.Create("WaitForSignal", null, options));
        }

        private static WithStartWorkflowOperation Operation(string workflowId, WorkflowIdConflictPolicy policy)
        {
            return WithStartWorkflowOperation.Create(
                "WaitForSignal", null, new WorkflowOptions(workflowId, TestEnvironment.TaskQueue) { IdConflictPolicy = policy });
        }
    }
}
