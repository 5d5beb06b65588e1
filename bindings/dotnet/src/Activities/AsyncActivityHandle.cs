using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// Completes, fails or heartbeats one running activity from outside its
    /// worker (an activity that completes asynchronously). It names the
    /// activity either by <see cref="TaskToken"/> or by <see cref="WorkflowId"/>,
    /// <see cref="RunId"/> and <see cref="ActivityId"/>. Get one from
    /// <see cref="TemporalClient.GetAsyncActivityHandle(byte[])"/> or
    /// <see cref="TemporalClient.GetAsyncActivityHandle(string, string, string)"/>.
    /// Every method throws <see cref="RpcException"/> with
    /// <see cref="RpcException.StatusCode.NotFound"/> when the activity is no
    /// longer running (completed, timed out, or its workflow closed) or the
    /// ids name no activity.
    /// </summary>
    public sealed class AsyncActivityHandle
    {
        private readonly byte[] taskToken;

        internal AsyncActivityHandle(TemporalClient client, byte[] taskToken, string workflowId, string runId, string activityId)
        {
            Client = client;
            this.taskToken = taskToken;
            WorkflowId = workflowId;
            RunId = runId;
            ActivityId = activityId;
        }

        /// <summary>The client the handle calls through.</summary>
        public TemporalClient Client { get; private set; }

        /// <summary>A copy of the task token the activity is named by; null when named by ids.</summary>
        public byte[] TaskToken
        {
            get { return taskToken == null ? null : (byte[])taskToken.Clone(); }
        }

        /// <summary>The activity's workflow id; null when named by task token.</summary>
        public string WorkflowId { get; private set; }

        /// <summary>The activity's workflow run; null for the latest run (or when named by task token).</summary>
        public string RunId { get; private set; }

        /// <summary>The activity id; null when named by task token.</summary>
        public string ActivityId { get; private set; }

        /// <summary>Completes the activity with <paramref name="result"/>.</summary>
        /// <param name="result">The result: a JSON-serializable value or <see cref="RawJson"/>; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The activity is not running (<see cref="RpcException.StatusCode.NotFound"/>), or the server rejected the task token (<see cref="RpcException.StatusCode.InvalidArgument"/>).</exception>
        public Task CompleteAsync(object result = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Target();
            request["result"] = result;
            return Client.Connection.CallAsync(NativeMethods.tc_activity_complete, request, cancellationToken);
        }

        /// <summary>
        /// Fails the activity with an application failure. An
        /// <see cref="ApplicationFailureException"/> sends its message,
        /// <see cref="ApplicationFailureException.ErrorType"/>,
        /// <see cref="ApplicationFailureException.NonRetryable"/> and
        /// <see cref="ApplicationFailureException.Details"/>; any other
        /// exception its message and its class name as the type (retryable).
        /// A retryable failure is retried if the activity's retry policy allows it.
        /// </summary>
        /// <param name="exception">What went wrong.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The activity is not running (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task FailAsync(Exception exception, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(exception, "exception");
            var failure = new Dictionary<string, object> { { "message", exception.Message } };
            var application = exception as ApplicationFailureException;
            if (application != null)
            {
                failure.Put("type", application.ErrorType);
                failure["non_retryable"] = application.NonRetryable;
                failure["details"] = application.Details ?? new RawJson[0];
            }
            else
            {
                failure["type"] = exception.GetType().Name;
            }
            var request = Target();
            request["failure"] = failure;
            return Client.Connection.CallAsync(NativeMethods.tc_activity_fail, request, cancellationToken);
        }

        /// <summary>
        /// Records a heartbeat with <paramref name="details"/> (the activity's
        /// progress, readable from <see cref="WorkflowHandle.DescribeAsync"/>
        /// and by the next attempt) and returns what the server answered. It
        /// does not throw when cancellation was requested: check
        /// <see cref="ActivityHeartbeatResult.CancelRequested"/> (and
        /// <see cref="ActivityHeartbeatResult.Paused"/>, <see cref="ActivityHeartbeatResult.Reset"/>).
        /// </summary>
        /// <param name="details">JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The activity is not running (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task<ActivityHeartbeatResult> HeartbeatAsync(
            IReadOnlyCollection<object> details = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Target();
            request["details"] = details ?? new object[0];
            return Client.Connection.CallAsync(
                NativeMethods.tc_activity_heartbeat, request, response => new ActivityHeartbeatResult(response), cancellationToken);
        }

        /// <summary>Confirms that the activity stopped after a cancellation request.</summary>
        /// <param name="details">JSON-serializable values or <see cref="RawJson"/> recorded with the cancellation; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The activity is not running (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task ReportCancellationAsync(
            IReadOnlyCollection<object> details = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Target();
            request["details"] = details ?? new object[0];
            return Client.Connection.CallAsync(NativeMethods.tc_activity_report_cancellation, request, cancellationToken);
        }

        private Dictionary<string, object> Target()
        {
            if (taskToken != null)
            {
                return new Dictionary<string, object> { { "task_token", Convert.ToBase64String(taskToken) } };
            }
            var request = new Dictionary<string, object> { { "workflow_id", WorkflowId }, { "activity_id", ActivityId } };
            request.Put("run_id", RunId);
            return request;
        }
    }
}
