using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Every <see cref="WorkflowHandle"/> method against the real worker.</summary>
    [TestFixture]
    public class HandleTests : ServerFixture
    {
        [Test]
        public async Task ArgumentsAndResultsRoundTripAsTypedValues()
        {
            var args = TestEnvironment.Args(
                "text \u00e9\U0001F600",
                42,
                -1.5,
                true,
                null,
                new[] { 1, 2, 3 },
                new Dictionary<string, object> { { "nested", new { Deep = new[] { "x" } } } },
                new Point { X = 1, Y = 2 },
                new RawJson("{\"raw\": [null, false]}"));
            var handle = await StartAsync("EchoArgs", "args", args);

            Assert.AreEqual(
                "[\"text \u00e9\U0001F600\",42,-1.5,true,null,[1,2,3],{\"nested\":{\"Deep\":[\"x\"]}},{\"x\":1,\"y\":2},{\"raw\":[null,false]}]",
                await handle.GetResultJsonAsync());
            var untyped = await handle.GetResultAsync<List<object>>();
            Assert.AreEqual(42L, untyped[1]);
            Assert.AreEqual(-1.5, untyped[2]);
            Assert.IsNull(untyped[4]);
            var raw = await handle.GetResultAsync<List<RawJson>>();
            Assert.AreEqual(new Point { X = 1, Y = 2 }, raw[7].ToValue<Point>());
            Assert.AreEqual(new[] { 1, 2, 3 }, raw[5].ToValue<int[]>());
            await handle.GetResultAsync();
        }

        [Test]
        public async Task ScalarResultsConvert()
        {
            var handle = await StartAsync("Echo", "scalar", 7);
            Assert.AreEqual(7, await handle.GetResultAsync<int>());
            Assert.AreEqual(7.0, await handle.GetResultAsync<double>());
            Assert.AreEqual(7L, await handle.GetResultAsync<object>());
            Assert.AreEqual("7", await handle.GetResultJsonAsync());
            await Expect.ThrowsAsync<InvalidCastException>(() => handle.GetResultAsync<string>());

            var nothing = await StartAsync("Echo", "null", new object[] { null });
            Assert.IsNull(await nothing.GetResultAsync<string>());
            Assert.IsNull(await nothing.GetResultAsync<int?>());
            Assert.AreEqual("null", await nothing.GetResultJsonAsync());
        }

        [Test]
        public async Task DescribeReportsTheRun()
        {
            var options = TestEnvironment.Options("describe");
            var handle = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args("d"), options);
            Assert.IsNull(handle.RunId);
            Assert.AreEqual(handle.ResultRunId, handle.FirstExecutionRunId);
            await handle.GetResultAsync();
            var description = await handle.DescribeAsync();
            Assert.AreEqual(options.Id, description.Id);
            Assert.AreEqual(handle.ResultRunId, description.RunId);
            Assert.AreEqual(handle.ResultRunId, description.FirstRunId);
            Assert.AreEqual("Echo", description.WorkflowType);
            Assert.AreEqual(TestEnvironment.TaskQueue, description.TaskQueue);
            Assert.AreEqual(WorkflowExecutionStatus.Completed, description.Status);
            Assert.IsNotNull(description.StartTime);
            Assert.GreaterOrEqual(description.CloseTime.Value, description.StartTime.Value);
            Assert.Greater(description.HistoryLength, 0);
            Assert.IsNull(description.ParentId);
            Assert.IsFalse(description.CancelRequested);
            Assert.AreEqual("completed", description.RawDescription.ToValue<Dictionary<string, object>>()["status"]);

            await Expect.NotFoundAsync(() => Client.GetWorkflowHandle(TestEnvironment.NewId("missing")).DescribeAsync());
        }

        [Test]
        public async Task SignalsAndQueries()
        {
            var started = await StartAsync("WaitForSignal", "signal");
            var handle = Client.GetWorkflowHandle(started.Id);
            await handle.SignalAsync("add", TestEnvironment.Args(new Point { X = 3, Y = 4 }));
            await handle.SignalAsync("add", TestEnvironment.Args(new RawJson("\"raw\"")));
            var state = await handle.QueryAsync<List<RawJson>>("state", null);
            Assert.AreEqual(new Point { X = 3, Y = 4 }, state[0].ToValue<Point>());
            Assert.AreEqual("raw", state[1].ToValue<string>());
            Assert.AreEqual(
                new Dictionary<string, object> { { "q", 1L } },
                await handle.QueryAsync<Dictionary<string, object>>("echo_query", TestEnvironment.Args(new { q = 1 })));
            Assert.AreEqual("[1,2]", (await handle.QueryAsync<RawJson>("echo_query", TestEnvironment.Args(new[] { 1, 2 }))).Json);

            var pinned = Client.GetWorkflowHandle(started.Id, started.ResultRunId);
            Assert.AreEqual(started.ResultRunId, pinned.RunId);
            var result = await FinishAsync<Dictionary<string, RawJson>>(pinned, 5);
            Assert.AreEqual(5, result["finish"].ToValue<int>());
            Assert.AreEqual(2, result["signals"].ToValue<List<object>>().Count);

            await Expect.NotFoundAsync(() => pinned.SignalAsync("add", TestEnvironment.Args(1)));
        }

        [Test]
        public async Task CancelEndsTheRunCancelled()
        {
            var handle = await StartAsync("WaitForSignal", "cancel");
            await handle.CancelAsync();
            var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.AreEqual(handle.Id, e.WorkflowId);
            Assert.AreEqual(handle.ResultRunId, e.RunId);
            Assert.IsInstanceOf<CanceledFailureException>(e.InnerException);
            var description = await handle.DescribeAsync();
            Assert.AreEqual(WorkflowExecutionStatus.Canceled, description.Status);
            Assert.IsTrue(description.CancelRequested);
        }

        [Test]
        public async Task TerminateEndsTheRunWithReasonAndDetails()
        {
            var options = new TemporalClientConnectOptions(TestEnvironment.Address) { Namespace = TestEnvironment.Namespace, Identity = "terminator" };
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var handle = await client.StartWorkflowAsync("Forever", null, TestEnvironment.Options("terminate"));
                await handle.TerminateAsync("enough", TestEnvironment.Args("why", 2));
                var e = await Expect.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
                var terminated = (TerminatedFailureException)e.InnerException;
                Assert.AreEqual("enough", terminated.Message);
                Assert.AreEqual("why", terminated.Details[0].ToValue<string>());
                Assert.AreEqual(2, terminated.Details[1].ToValue<int>());
                Assert.AreEqual("terminator", terminated.Identity);
                Assert.AreEqual(WorkflowExecutionStatus.Terminated, (await handle.DescribeAsync()).Status);
            }
        }

        [Test]
        public async Task CancelAndTerminateHonourTheFirstExecutionRunId()
        {
            var started = await StartAsync("Forever", "first-run");
            var otherChain = Client.GetWorkflowHandle(started.Id, null, "00000000-0000-0000-0000-000000000000");
            await Expect.ThrowsAsync<RpcException>(() => otherChain.CancelAsync());
            await Expect.ThrowsAsync<RpcException>(() => otherChain.TerminateAsync("wrong chain"));
            Assert.AreEqual(WorkflowExecutionStatus.Running, (await started.DescribeAsync()).Status);
            await started.TerminateAsync();
            Assert.AreEqual(WorkflowExecutionStatus.Terminated, (await started.DescribeAsync()).Status);
        }

        /// <summary>A small value type for typed round trips.</summary>
        public struct Point
        {
            /// <summary>X.</summary>
            [DataMember(Name = "x")]
            public int X;

            /// <summary>Y.</summary>
            [DataMember(Name = "y")]
            public int Y;
        }
    }
}
