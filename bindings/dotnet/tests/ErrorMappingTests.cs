using System;
using System.Threading;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Every error code of docs/ABI.md maps to its exception. The server
    /// tests show the codes a real server produces; this table also covers
    /// those it cannot (panic, internal, update_failed, timeout).
    /// </summary>
    [TestFixture]
    public class ErrorMappingTests
    {
        [TestCase("{\"code\":\"invalid_argument\",\"message\":\"m\",\"key\":\"args\"}", typeof(InvalidArgumentException))]
        [TestCase("{\"code\":\"invalid_argument\",\"message\":\"m\",\"grpc_code\":3}", typeof(RpcException))]
        [TestCase("{\"code\":\"not_found\",\"message\":\"m\",\"grpc_code\":5}", typeof(RpcException))]
        [TestCase("{\"code\":\"already_started\",\"message\":\"m\",\"workflow_id\":\"w\",\"run_id\":\"r\"}", typeof(WorkflowAlreadyStartedException))]
        [TestCase("{\"code\":\"already_exists\",\"message\":\"m\",\"grpc_code\":6}", typeof(RpcException))]
        [TestCase("{\"code\":\"workflow_failed\",\"message\":\"m\",\"failure\":{\"kind\":\"application\",\"message\":\"f\"}}", typeof(WorkflowFailedException))]
        [TestCase("{\"code\":\"workflow_cancelled\",\"message\":\"m\",\"details\":[]}", typeof(WorkflowFailedException))]
        [TestCase("{\"code\":\"workflow_terminated\",\"message\":\"m\",\"reason\":\"r\"}", typeof(WorkflowFailedException))]
        [TestCase("{\"code\":\"workflow_timed_out\",\"message\":\"m\"}", typeof(WorkflowFailedException))]
        [TestCase("{\"code\":\"workflow_continued_as_new\",\"message\":\"m\",\"new_run_id\":\"n\"}", typeof(WorkflowContinuedAsNewException))]
        [TestCase("{\"code\":\"query_failed\",\"message\":\"m\"}", typeof(WorkflowQueryFailedException))]
        [TestCase("{\"code\":\"query_rejected\",\"message\":\"m\",\"status\":\"completed\"}", typeof(WorkflowQueryRejectedException))]
        [TestCase("{\"code\":\"update_failed\",\"message\":\"m\"}", typeof(WorkflowUpdateFailedException))]
        [TestCase("{\"code\":\"rpc_error\",\"message\":\"m\",\"grpc_code\":9,\"grpc_status\":\"failed_precondition\"}", typeof(RpcException))]
        [TestCase("{\"code\":\"cancelled\",\"message\":\"m\"}", typeof(OperationCanceledException))]
        [TestCase("{\"code\":\"cancelled\",\"message\":\"m\",\"grpc_code\":1}", typeof(RpcException))]
        [TestCase("{\"code\":\"timeout\",\"message\":\"m\"}", typeof(RpcException))]
        [TestCase("{\"code\":\"connection_failed\",\"message\":\"m\",\"address\":\"a\"}", typeof(RpcException))]
        [TestCase("{\"code\":\"config_error\",\"message\":\"m\"}", typeof(ConfigException))]
        [TestCase("{\"code\":\"closed\",\"message\":\"m\"}", typeof(ObjectDisposedException))]
        [TestCase("{\"code\":\"panic\",\"message\":\"m\"}", typeof(InternalException))]
        [TestCase("{\"code\":\"internal\",\"message\":\"m\"}", typeof(InternalException))]
        [TestCase("{\"code\":\"some_future_code\",\"message\":\"m\"}", typeof(InternalException))]
        public void MapsEachCode(string json, Type expected)
        {
            var e = ErrorMapper.ToException(json, CancellationToken.None);
            Assert.AreEqual(expected, e.GetType());
            StringAssert.Contains("m", e.Message);
            Assert.AreEqual(json, e.Data[TemporalException.ErrorDataKey], "the whole error object is kept");
        }

        [Test]
        public async System.Threading.Tasks.Task ServerErrorsKeepTheirErrorObject()
        {
            var id = TestEnvironment.NewId("error-data");
            var e = await Expect.ThrowsAsync<RpcException>(() => TestEnvironment.Client.GetWorkflowHandle(id).DescribeAsync());
            var error = Json.JsonFields.ParseObject((string)e.Data[TemporalException.ErrorDataKey]);
            Assert.AreEqual("not_found", error["code"]);
            Assert.AreEqual(5L, error["grpc_code"]);
            Assert.AreEqual(e.Message, error["message"]);
        }

        [TestCase("not_found", RpcException.StatusCode.NotFound)]
        [TestCase("already_exists", RpcException.StatusCode.AlreadyExists)]
        [TestCase("rpc_error", RpcException.StatusCode.Unknown)]
        [TestCase("timeout", RpcException.StatusCode.DeadlineExceeded)]
        [TestCase("connection_failed", RpcException.StatusCode.Unavailable)]
        public void RpcCodesFallBackWithoutAGrpcCode(string code, RpcException.StatusCode expected)
        {
            var e = (RpcException)ErrorMapper.ToException("{\"code\":\"" + code + "\",\"message\":\"m\"}", CancellationToken.None);
            Assert.AreEqual(expected, e.Code);
            Assert.AreEqual(code, e.ErrorCode);
        }

        [Test]
        public void RpcErrorsCarryTheServersGrpcCode()
        {
            var e = (RpcException)ErrorMapper.ToException(
                "{\"code\":\"rpc_error\",\"message\":\"m\",\"grpc_code\":8,\"grpc_status\":\"resource_exhausted\"}", CancellationToken.None);
            Assert.AreEqual(RpcException.StatusCode.ResourceExhausted, e.Code);
        }

        [Test]
        public void CancelledCarriesTheCallsTokenWhenItWasCancelled()
        {
            using (var source = new CancellationTokenSource())
            {
                source.Cancel();
                var e = (OperationCanceledException)ErrorMapper.ToException("{\"code\":\"cancelled\",\"message\":\"m\"}", source.Token);
                Assert.AreEqual(source.Token, e.CancellationToken);
            }
        }

        [Test]
        public void FailureChainsBecomeInnerExceptions()
        {
            const string json = "{\"code\":\"workflow_failed\",\"message\":\"workflow failed: outer\",\"workflow_id\":\"w\",\"run_id\":\"r\"," +
                "\"failure\":{\"kind\":\"activity\",\"message\":\"outer\",\"activity_type\":\"a\",\"cause\":" +
                "{\"kind\":\"application\",\"message\":\"inner\",\"type\":\"T\",\"non_retryable\":true,\"details\":[{\"x\":1}],\"next_retry_delay\":2.5,\"stack_trace\":\"st\",\"cause\":" +
                "{\"kind\":\"timeout\",\"message\":\"t\",\"timeout_type\":\"heartbeat\",\"last_heartbeat_details\":[7],\"cause\":" +
                "{\"kind\":\"canceled\",\"message\":\"c\",\"details\":[\"d\"],\"cause\":" +
                "{\"kind\":\"terminated\",\"message\":\"term\",\"identity\":\"id\",\"cause\":null}}}}}}";
            var e = (WorkflowFailedException)ErrorMapper.ToException(json, CancellationToken.None);
            Assert.AreEqual("w", e.WorkflowId);
            Assert.AreEqual("r", e.RunId);

            var activity = e.InnerException;
            Assert.AreEqual(typeof(FailureException), activity.GetType());
            Assert.AreEqual("outer", activity.Message);
            Assert.AreEqual("a", ((FailureException)activity).Failure.ToValue<System.Collections.Generic.Dictionary<string, object>>()["activity_type"]);

            var application = (ApplicationFailureException)activity.InnerException;
            Assert.AreEqual("inner", application.Message);
            Assert.AreEqual("T", application.ErrorType);
            Assert.IsTrue(application.NonRetryable);
            Assert.AreEqual(1, application.Details[0].ToValue<System.Collections.Generic.Dictionary<string, int>>()["x"]);
            Assert.AreEqual(TimeSpan.FromSeconds(2.5), application.NextRetryDelay);
            Assert.AreEqual("st", application.FailureStackTrace);

            var timeout = (TimeoutFailureException)application.InnerException;
            Assert.AreEqual(TimeoutType.Heartbeat, timeout.TimeoutType);
            Assert.AreEqual(7, timeout.LastHeartbeatDetails[0].ToValue<int>());

            var canceled = (CanceledFailureException)timeout.InnerException;
            Assert.AreEqual("d", canceled.Details[0].ToValue<string>());

            var terminated = (TerminatedFailureException)canceled.InnerException;
            Assert.AreEqual("term", terminated.Message);
            Assert.AreEqual("id", terminated.Identity);
            Assert.IsNull(terminated.InnerException);
        }

        [Test]
        public void QueryAndUpdateFailuresKeepTheWorkersFailure()
        {
            var query = ErrorMapper.ToException(
                "{\"code\":\"query_failed\",\"message\":\"m\",\"failure\":{\"kind\":\"application\",\"message\":\"h\"}}", CancellationToken.None);
            Assert.AreEqual("h", ((ApplicationFailureException)query.InnerException).Message);
            var update = ErrorMapper.ToException(
                "{\"code\":\"update_failed\",\"message\":\"m\",\"failure\":{\"kind\":\"application\",\"message\":\"u\"}}", CancellationToken.None);
            Assert.AreEqual("u", ((ApplicationFailureException)update.InnerException).Message);
        }
    }
}
