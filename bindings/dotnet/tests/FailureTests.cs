using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>The exceptions a real server and worker produce.</summary>
    [TestFixture]
    public class FailureTests : ServerFixture
    {
        [Test]
        public async Task AFailedWorkflowCarriesItsApplicationFailure()
        {
            var handle = await StartAsync("Fail", "fail", "it broke", "MyError", true, new object[] { 1, new { why = "because" } });
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync<string>());
            Assert.AreEqual(handle.Id, e.WorkflowId);
            Assert.AreEqual(handle.ResultRunId, e.RunId);
            var failure = (ApplicationFailureException)e.InnerException;
            Assert.AreEqual("it broke", failure.Message);
            Assert.AreEqual("MyError", failure.ErrorType);
            Assert.IsTrue(failure.NonRetryable);
            Assert.AreEqual(2, failure.Details.Count);
            Assert.AreEqual(1, failure.Details[0].ToValue<int>());
            Assert.AreEqual("because", failure.Details[1].ToValue<Dictionary<string, string>>()["why"]);
            Assert.AreEqual("application", failure.Failure.ToValue<Dictionary<string, object>>()["kind"]);
            Assert.AreEqual(WorkflowExecutionStatus.Failed, (await handle.DescribeAsync()).Status);
        }

        [Test]
        public async Task ARetryableFailureIsRetriedUpToTheRetryPolicy()
        {
            var options = TestEnvironment.Options("retry");
            options.RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(100), MaximumAttempts = 2 };
            var handle = await Client.StartWorkflowAsync("Fail", TestEnvironment.Args("again", "Retryable"), options);
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var failure = (ApplicationFailureException)e.InnerException;
            Assert.AreEqual("Retryable", failure.ErrorType);
            Assert.IsFalse(failure.NonRetryable);
            Assert.AreNotEqual(handle.ResultRunId, e.RunId, "the result followed the retry to the second run");
        }

        [Test]
        public async Task ATimedOutWorkflowCarriesATimeoutFailure()
        {
            var options = TestEnvironment.Options("timeout");
            options.ExecutionTimeout = TimeSpan.FromSeconds(1);
            var handle = await Client.StartWorkflowAsync("Forever", null, options);
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var timeout = (TimeoutFailureException)e.InnerException;
            Assert.AreEqual(TimeoutType.StartToClose, timeout.TimeoutType);
            Assert.AreEqual(WorkflowExecutionStatus.TimedOut, (await handle.DescribeAsync()).Status);
        }

        [Test]
        public async Task ContinueAsNewIsFollowedUnlessAskedNotTo()
        {
            var handle = await StartAsync("ContinueAsNew", "can", 2);
            var e = await Expect.ThrowsAsync<WorkflowContinuedAsNewException>(() => handle.GetResultAsync(false));
            Assert.IsNotNullOrEmpty(e.NewRunId);
            Assert.AreNotEqual(handle.ResultRunId, e.NewRunId);
            Assert.AreEqual("done", await handle.GetResultAsync<string>());
            Assert.AreEqual("done", await Client.GetWorkflowHandle(handle.Id).GetResultAsync<string>(false));
        }

        [Test]
        public async Task AnOpenIdCannotBeStartedTwice()
        {
            var options = TestEnvironment.Options("twice");
            var first = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            var e = await Expect.ThrowsAsync<WorkflowAlreadyStartedException>(
                () => Client.StartWorkflowAsync("WaitForSignal", null, options));
            Assert.AreEqual(options.Id, e.WorkflowId);
            Assert.AreEqual(first.ResultRunId, e.RunId);
            await first.TerminateAsync();
        }

        [Test]
        public async Task QueriesFailAndAreRejected()
        {
            var open = await StartAsync("WaitForSignal", "query");
            var failed = await Expect.ThrowsAsync<WorkflowQueryFailedException>(() => open.QueryAsync<object>("no_such_query", null));
            StringAssert.Contains("no_such_query", failed.Message);
            Assert.AreEqual(
                new List<object>(),
                await open.QueryAsync<List<object>>("state", null, new WorkflowQueryOptions { RejectCondition = QueryRejectCondition.NotOpen }));
            await open.TerminateAsync();

            var closed = await StartAsync("WaitForSignal", "rejected");
            await closed.SignalAsync("add", TestEnvironment.Args("a"));
            await FinishAsync<RawJson>(closed, "end");
            var rejected = await Expect.ThrowsAsync<WorkflowQueryRejectedException>(
                () => closed.QueryAsync<object>("state", null, new WorkflowQueryOptions { RejectCondition = QueryRejectCondition.NotOpen }));
            Assert.AreEqual(WorkflowExecutionStatus.Completed, rejected.WorkflowStatus);
            var cleanly = new WorkflowQueryOptions { RejectCondition = QueryRejectCondition.NotCompletedCleanly };
            CollectionAssert.AreEqual(new[] { "a" }, await closed.QueryAsync<string[]>("state", null, cleanly));
        }

        [Test]
        public async Task TheLibraryRejectsBadInputWithTheOffendingKey()
        {
            var negative = TestEnvironment.Options("bad");
            negative.ExecutionTimeout = TimeSpan.FromSeconds(-1);
            var e = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), negative));
            Assert.AreEqual("execution_timeout", e.ParamName);

            var empty = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Client.StartWorkflowAsync(string.Empty, TestEnvironment.Args(1), TestEnvironment.Options("bad")));
            Assert.AreEqual("workflow_type", empty.ParamName);

            await Expect.ThrowsAsync<ArgumentException>(
                () => StartAsync("Echo", "bad", double.NaN));
        }

        [Test]
        public async Task TheServerRejectsBadInputAsAnRpcError()
        {
            var options = TestEnvironment.Options("bad-cron");
            options.CronSchedule = "not a cron";
            var e = await Expect.ThrowsAsync<RpcException>(() => Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), options));
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, e.Code);
            Assert.AreEqual("invalid_argument", e.ErrorCode);

            var undefined = TestEnvironment.Options("bad-attribute");
            undefined.TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(SearchAttributeKey.CreateKeyword("NoSuchAttribute"), "x")
                .ToSearchAttributeCollection();
            Assert.AreEqual(
                RpcException.StatusCode.InvalidArgument,
                (await Expect.ThrowsAsync<RpcException>(() => Client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), undefined))).Code);
        }
    }
}
