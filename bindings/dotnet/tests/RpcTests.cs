using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Raw gRPC calls through the workflow, operator and health services, and the server's system info.</summary>
    [TestFixture]
    public class RpcTests : ServerFixture
    {
        [Test]
        public async Task WorkflowServiceCallsFillInTheNamespace()
        {
            var service = Client.Connection.WorkflowService;
            Assert.AreEqual("workflow", service.Name);
            Assert.AreEqual("temporal.api.workflowservice.v1.WorkflowService", service.FullName);
            var described = await service.CallAsync<Dictionary<string, RawJson>>("DescribeNamespace");
            var info = described["namespaceInfo"].ToValue<Dictionary<string, object>>();
            Assert.AreEqual(TestEnvironment.Namespace, info["name"]);
            var explicitNamespace = await service.CallAsync(
                "DescribeNamespace", new RawJson("{\"namespace\": \"" + TestEnvironment.Namespace + "\"}"));
            var again = explicitNamespace.ToValue<Dictionary<string, Dictionary<string, object>>>()["namespaceInfo"];
            Assert.AreEqual(info["id"], again["id"]);
        }

        [Test]
        public async Task RequestsTakeEitherKeyStyleAndOptionsAndAnswerInProtoJson()
        {
            var handle = await StartAsync("Echo", "rpc", 1);
            await handle.GetResultAsync();
            var options = new RpcOptions
            {
                Timeout = TimeSpan.FromSeconds(30),
                Retry = false,
                Metadata = new Dictionary<string, string> { { "x-test-header", "yes" } },
            };
            var snake = await Client.Connection.WorkflowService.CallAsync<DescribeResponse>(
                "DescribeWorkflowExecution",
                new Dictionary<string, object> { { "execution", new Dictionary<string, object> { { "workflow_id", handle.Id } } } },
                options);
            var camel = await Client.Connection.WorkflowService.CallAsync<DescribeResponse>(
                "DescribeWorkflowExecution",
                new { execution = new { workflowId = handle.Id, runId = handle.ResultRunId } });
            var info = snake.WorkflowExecutionInfo;
            Assert.AreEqual(handle.Id, info["execution"].ToValue<Dictionary<string, string>>()["workflowId"]);
            Assert.AreEqual(handle.ResultRunId, info["execution"].ToValue<Dictionary<string, string>>()["runId"]);
            Assert.AreEqual("WORKFLOW_EXECUTION_STATUS_COMPLETED", info["status"].ToValue<string>());
            Assert.IsInstanceOf<string>(info["historyLength"].ToValue<object>(), "int64 values are strings in proto3 JSON");
            Assert.AreEqual(info["execution"], camel.WorkflowExecutionInfo["execution"]);
        }

        [Test]
        public async Task OperatorAndHealthServices()
        {
            var attributes = await Client.Connection.OperatorService.CallAsync<Dictionary<string, Dictionary<string, string>>>(
                "ListSearchAttributes");
            Assert.AreEqual("INDEXED_VALUE_TYPE_KEYWORD", attributes["customAttributes"]["CustomKeyword"]);
            Assert.AreEqual("operator", Client.Connection.OperatorService.Name);

            var health = Client.Connection.HealthService;
            Assert.AreEqual("grpc.health.v1.Health", health.FullName);
            Assert.AreEqual("{\"status\":\"SERVING\"}", (await health.CallAsync("Check")).Json);
        }

        [Test]
        public async Task GetSystemInfoReportsVersionAndCapabilities()
        {
            var info = await Client.Connection.GetSystemInfoAsync();
            Assert.IsNotNullOrEmpty(info.ServerVersion);
            Assert.AreEqual(Client.Connection.ServerVersion, info.ServerVersion);
            Assert.IsTrue(info.Capabilities["supports_schedules"]);
            Assert.IsTrue(info.Supports("supports_schedules"));
            Assert.IsFalse(info.Supports("no_such_capability"));
            Assert.AreEqual(
                info.ServerVersion,
                info.Raw.ToValue<Dictionary<string, object>>()["server_version"]);

            var raw = await Client.Connection.WorkflowService.CallAsync<Dictionary<string, object>>("GetSystemInfo");
            Assert.AreEqual(info.ServerVersion, raw["serverVersion"]);
        }

        [Test]
        public async Task BadMethodsRequestsAndHeadersThrowInvalidArgument()
        {
            var workflow = Client.Connection.WorkflowService;
            var unknown = await Expect.ThrowsAsync<InvalidArgumentException>(() => workflow.CallAsync("NoSuchMethod"));
            Assert.AreEqual("method", unknown.ParamName);
            StringAssert.Contains("NoSuchMethod", unknown.Message);
            var streaming = await Expect.ThrowsAsync<InvalidArgumentException>(() => Client.Connection.HealthService.CallAsync("Watch"));
            Assert.AreEqual("method", streaming.ParamName);
            StringAssert.Contains("streaming", streaming.Message);
            var unknownField = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => workflow.CallAsync("DescribeNamespace", new RawJson("{\"noSuchField\": 1}")));
            Assert.AreEqual("request", unknownField.ParamName);
            StringAssert.Contains("noSuchField", unknownField.Message);
            var wrongType = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => workflow.CallAsync("DescribeNamespace", new { @namespace = 5 }));
            Assert.AreEqual("request", wrongType.ParamName);
            var notAnObject = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => workflow.CallAsync("DescribeNamespace", new RawJson("[1]")));
            Assert.AreEqual("request", notAnObject.ParamName);
            var header = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => workflow.CallAsync(
                    "DescribeNamespace",
                    null,
                    new RpcOptions { Metadata = new Dictionary<string, string> { { "bad header", "x" } } }));
            Assert.AreEqual("headers", header.ParamName);
        }

        [Test]
        public async Task ServerErrorsMapToRpcExceptions()
        {
            await Expect.NotFoundAsync(
                () => Client.Connection.WorkflowService.CallAsync(
                    "DescribeWorkflowExecution", new { execution = new { workflowId = TestEnvironment.NewId("norpc") } }));
            var badQuery = await Expect.ThrowsAsync<RpcException>(
                () => Client.Connection.WorkflowService.CallAsync("ListWorkflowExecutions", new { query = "WorkflowType = = 1" }));
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, badQuery.Code);
        }

        [Test]
        public async Task TimeoutAndCancellationApplyToTheCall()
        {
            var emptyQueue = new { taskQueue = new { name = TestEnvironment.NewId("rpc-empty") } };
            var tooShort = await Expect.ThrowsAsync<RpcException>(
                () => Client.Connection.WorkflowService.CallAsync(
                    "PollActivityTaskQueue", emptyQueue, new RpcOptions { Timeout = TimeSpan.FromMilliseconds(500), Retry = false }));
            // The server refuses a long poll whose deadline is under its minimum: proof the deadline was sent.
            Assert.AreEqual(RpcException.StatusCode.FailedPrecondition, tooShort.Code);
            StringAssert.Contains("timeout", tooShort.Message.ToLowerInvariant());

            using (var cancellation = new CancellationTokenSource())
            {
                var poll = Client.Connection.WorkflowService.CallAsync("PollActivityTaskQueue", emptyQueue, null, cancellation.Token);
                cancellation.Cancel();
                await Expect.CanceledAsync(poll);
            }
        }

        /// <summary>The part of DescribeWorkflowExecutionResponse the tests read.</summary>
        public class DescribeResponse
        {
            /// <summary>The execution's info message.</summary>
            public Dictionary<string, RawJson> WorkflowExecutionInfo { get; set; }
        }
    }
}
