using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Asynchronous activity completion. The worker's RunActivity workflow
    /// runs activity "1": either the worker's async_activity, which parks
    /// itself (complete-async), or an activity sent to a queue of the test's
    /// own, which the test polls through the raw WorkflowService to get its
    /// task token.
    /// </summary>
    [TestFixture]
    public class AsyncActivityTests : ServerFixture
    {
        /// <summary>How often a wait for the server polls before giving up.</summary>
        private const int Attempts = 600;

        [Test]
        public async Task CompleteByIdsAfterAHeartbeat()
        {
            var handle = await ParkAsync("act-ids", false);
            var activity = Client.GetAsyncActivityHandle(handle.Id, null, "1");
            Assert.IsNull(activity.TaskToken);
            Assert.AreEqual("1", activity.ActivityId);
            var beat = await activity.HeartbeatAsync(TestEnvironment.Args("progress", new { step = 1 }));
            Assert.IsFalse(beat.CancelRequested);
            Assert.IsFalse(beat.Paused);
            Assert.IsFalse(beat.Reset);
            var pending = (await handle.DescribeAsync()).RawDescription
                .ToValue<Dictionary<string, RawJson>>()["pending_activities"].ToValue<List<Dictionary<string, RawJson>>>();
            Assert.AreEqual("[\"progress\",{\"step\":1}]", pending[0]["heartbeat_details"].Json);

            await activity.CompleteAsync(new { done = true });
            Assert.AreEqual("{\"done\":true}", await handle.GetResultJsonAsync());
            await Expect.NotFoundAsync(() => activity.CompleteAsync("again"));
            await Expect.NotFoundAsync(() => activity.HeartbeatAsync());
        }

        [Test]
        public async Task CompleteByTaskTokenPinnedRunAndNullResult()
        {
            var queued = await StartOnOwnQueueAsync("act-token", false);
            var handle = queued.Workflow;
            var token = queued.TaskToken;
            var activity = Client.GetAsyncActivityHandle(token);
            CollectionAssert.AreEqual(token, activity.TaskToken);
            Assert.IsNull(activity.WorkflowId);
            Assert.IsFalse((await activity.HeartbeatAsync()).CancelRequested);
            await activity.CompleteAsync();
            Assert.AreEqual("null", await handle.GetResultJsonAsync());
            await Expect.NotFoundAsync(
                () => activity.FailAsync(new ApplicationFailureException("late")));

            var pinnedWorkflow = await ParkAsync("act-run", false);
            var pinned = Client.GetAsyncActivityHandle(pinnedWorkflow.Id, pinnedWorkflow.ResultRunId, "1");
            Assert.AreEqual(pinnedWorkflow.ResultRunId, pinned.RunId);
            await pinned.CompleteAsync(new[] { 1, 2 });
            Assert.AreEqual(new[] { 1, 2 }, await pinnedWorkflow.GetResultAsync<int[]>());
        }

        [Test]
        public async Task FailByTaskTokenWithAnApplicationFailure()
        {
            var queued = await StartOnOwnQueueAsync("act-fail", false);
            var handle = queued.Workflow;
            var activity = Client.GetAsyncActivityHandle(queued.TaskToken);
            await activity.FailAsync(new ApplicationFailureException(
                "it broke", "MyErr", true, TestEnvironment.Args(new { why = 1 }, 2)));

            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var activityFailure = (FailureException)e.InnerException;
            var kind = activityFailure.Failure.ToValue<Dictionary<string, object>>();
            Assert.AreEqual("activity", kind["kind"]);
            Assert.AreEqual("1", kind["activity_id"]);
            var cause = (ApplicationFailureException)activityFailure.InnerException;
            Assert.AreEqual("it broke", cause.Message);
            Assert.AreEqual("MyErr", cause.ErrorType);
            Assert.IsTrue(cause.NonRetryable);
            Assert.AreEqual(2, cause.Details.Count);
            Assert.AreEqual("{\"why\":1}", cause.Details[0].Json);
            Assert.AreEqual(2, cause.Details[1].ToValue<int>());
        }

        [Test]
        public async Task FailByIdsWithAnyException()
        {
            var handle = await ParkAsync("act-failids", false);
            await Client.GetAsyncActivityHandle(handle.Id, handle.ResultRunId, "1").FailAsync(new InvalidOperationException("bad state"));
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var cause = (ApplicationFailureException)e.InnerException.InnerException;
            Assert.AreEqual("bad state", cause.Message);
            Assert.AreEqual("InvalidOperationException", cause.ErrorType);
            Assert.IsFalse(cause.NonRetryable);
            Assert.AreEqual(0, cause.Details.Count);
        }

        [Test]
        public async Task HeartbeatReportsACancelRequestThenCancellationIsReported()
        {
            var handle = await ParkAsync("act-cancel", true);
            var activity = Client.GetAsyncActivityHandle(handle.Id, null, "1");
            Assert.IsFalse((await activity.HeartbeatAsync(TestEnvironment.Args("working"))).CancelRequested);
            await handle.CancelAsync();
            var beat = await HeartbeatUntilCancelRequestedAsync(activity, TestEnvironment.Args("still working"));
            Assert.IsFalse(beat.Paused);
            await activity.ReportCancellationAsync(TestEnvironment.Args("cleaned up"));

            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.IsInstanceOf<CanceledFailureException>(e.InnerException);
            await Expect.NotFoundAsync(() => activity.HeartbeatAsync());
        }

        [Test]
        public async Task CancellationByTaskToken()
        {
            var queued = await StartOnOwnQueueAsync("act-canceltoken", true);
            var handle = queued.Workflow;
            var activity = Client.GetAsyncActivityHandle(queued.TaskToken);
            await handle.CancelAsync();
            await HeartbeatUntilCancelRequestedAsync(activity, null);
            await activity.ReportCancellationAsync();
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.IsInstanceOf<CanceledFailureException>(e.InnerException);
        }

        [Test]
        public async Task BadReferencesAreRejected()
        {
            Assert.Throws<ArgumentException>(() => Client.GetAsyncActivityHandle((byte[])null));
            Assert.Throws<ArgumentException>(() => Client.GetAsyncActivityHandle(new byte[0]));
            Assert.Throws<ArgumentException>(() => Client.GetAsyncActivityHandle(null, null, "1"));
            Assert.Throws<ArgumentException>(() => Client.GetAsyncActivityHandle("w", null, ""));

            var garbage = await Expect.ThrowsAsync<RpcException>(
                () => Client.GetAsyncActivityHandle(new byte[] { 1, 2, 3 }).CompleteAsync(1));
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, garbage.Code);
            await Expect.NotFoundAsync(
                () => Client.GetAsyncActivityHandle(TestEnvironment.NewId("noact"), null, "1").HeartbeatAsync());
        }

        /// <summary>Starts RunActivity(async_activity) and waits until the worker started the activity, which then parks itself.</summary>
        private static async Task<WorkflowHandle> ParkAsync(string prefix, bool waitCancellation)
        {
            var handle = await StartAsync("RunActivity", prefix, "async_activity", new object[0], null, waitCancellation);
            var request = new { execution = new { workflowId = handle.Id } };
            for (int i = 0; i < Attempts; i++)
            {
                var described = await Client.Connection.WorkflowService.CallAsync<Dictionary<string, RawJson>>(
                    "DescribeWorkflowExecution", request);
                RawJson pending;
                if (described.TryGetValue("pendingActivities", out pending)
                    && pending.ToValue<List<Dictionary<string, object>>>()[0]["state"] as string == "PENDING_ACTIVITY_STATE_STARTED")
                {
                    return handle;
                }
                await Task.Delay(100);
            }
            Assert.Fail("the worker never started the activity of " + handle.Id);
            return null;
        }

        /// <summary>Heartbeats with <paramref name="details"/> until the server reports the cancel request; returns that heartbeat's result.</summary>
        private static async Task<ActivityHeartbeatResult> HeartbeatUntilCancelRequestedAsync(
            AsyncActivityHandle activity, IReadOnlyCollection<object> details)
        {
            for (int i = 0; i < Attempts; i++)
            {
                var beat = await activity.HeartbeatAsync(details);
                if (beat.CancelRequested)
                {
                    return beat;
                }
                await Task.Delay(100);
            }
            Assert.Fail("the cancellation never reached the activity");
            return null;
        }

        /// <summary>
        /// Starts RunActivity(echo_activity) with its activity sent to a queue of
        /// the test's own, and polls that queue through the raw WorkflowService
        /// for the activity's task token.
        /// </summary>
        private static async Task<QueuedActivity> StartOnOwnQueueAsync(string prefix, bool waitCancellation)
        {
            var queue = TestEnvironment.NewId("act-queue");
            var handle = await StartAsync("RunActivity", prefix, "echo_activity", new[] { "unused" }, queue, waitCancellation);
            return new QueuedActivity { Workflow = handle, TaskToken = await PollTaskTokenAsync(queue, handle.Id) };
        }

        /// <summary>Returns the task token of the workflow's activity from the test's own activity queue.</summary>
        private static async Task<byte[]> PollTaskTokenAsync(string queue, string workflowId)
        {
            var request = new Dictionary<string, object>
            {
                { "taskQueue", new Dictionary<string, object> { { "name", queue } } },
                { "identity", "dotnet-test" },
            };
            for (int i = 0; i < 5; i++)
            {
                var task = await Client.Connection.WorkflowService.CallAsync<Dictionary<string, RawJson>>("PollActivityTaskQueue", request);
                RawJson token;
                if (task.TryGetValue("taskToken", out token))
                {
                    Assert.AreEqual(workflowId, task["workflowExecution"].ToValue<Dictionary<string, string>>()["workflowId"]);
                    Assert.AreEqual("1", task["activityId"].ToValue<string>());
                    return Convert.FromBase64String(token.ToValue<string>());
                }
            }
            Assert.Fail("no activity task arrived on " + queue);
            return null;
        }

        /// <summary>A RunActivity workflow and the task token of its activity.</summary>
        private sealed class QueuedActivity
        {
            /// <summary>The workflow.</summary>
            public WorkflowHandle Workflow;

            /// <summary>The activity's task token.</summary>
            public byte[] TaskToken;
        }
    }
}
