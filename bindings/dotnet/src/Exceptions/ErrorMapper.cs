using System;
using System.Collections.Generic;
using System.Threading;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// Maps the library's error objects (docs/ABI.md "Error codes") to exceptions.
    /// </summary>
    /// <remarks>
    /// invalid_argument: <see cref="InvalidArgumentException"/>, or
    /// <see cref="RpcException"/> when the server sent it; already_exists
    /// naming a <c>schedule_id</c>: <see cref="ScheduleAlreadyRunningException"/>;
    /// not_found, other already_exists, rpc_error, timeout, connection_failed:
    /// <see cref="RpcException"/>; already_started:
    /// <see cref="WorkflowAlreadyStartedException"/>; workflow_failed,
    /// workflow_cancelled, workflow_terminated, workflow_timed_out:
    /// <see cref="WorkflowFailedException"/>; workflow_continued_as_new:
    /// <see cref="WorkflowContinuedAsNewException"/>; query_failed:
    /// <see cref="WorkflowQueryFailedException"/>; query_rejected:
    /// <see cref="WorkflowQueryRejectedException"/>; update_failed:
    /// <see cref="WorkflowUpdateFailedException"/>; cancelled:
    /// <see cref="OperationCanceledException"/> (carrying the call's token
    /// when it was cancelled), or <see cref="RpcException"/> when the server
    /// sent it (with a <c>grpc_code</c>); config_error:
    /// <see cref="ConfigException"/>; closed:
    /// <see cref="ObjectDisposedException"/>; panic, internal and unknown
    /// codes: <see cref="InternalException"/>.
    /// </remarks>
    internal static class ErrorMapper
    {
        /// <summary>
        /// The exception for an error object; <paramref name="cancellationToken"/> is the call's token.
        /// The whole error object is kept in <c>Data[TemporalException.ErrorDataKey]</c>.
        /// </summary>
        internal static Exception ToException(string errorJson, CancellationToken cancellationToken)
        {
            var exception = Map(errorJson, cancellationToken);
            exception.Data[TemporalException.ErrorDataKey] = errorJson;
            return exception;
        }

        private static Exception Map(string errorJson, CancellationToken cancellationToken)
        {
            var error = JsonFields.ParseObject(errorJson);
            string code = error.GetString("code") ?? "internal";
            string message = error.GetString("message") ?? code;
            string workflowId = error.GetString("workflow_id");
            string runId = error.GetString("run_id");
            switch (code)
            {
                case "invalid_argument":
                    if (error.Get("grpc_code") != null)
                    {
                        return Rpc(error, message, code, RpcException.StatusCode.InvalidArgument);
                    }
                    string key = error.GetString("key");
                    return new InvalidArgumentException(message, string.IsNullOrEmpty(key) ? null : key);
                case "not_found":
                    return Rpc(error, message, code, RpcException.StatusCode.NotFound);
                case "already_exists":
                    string scheduleId = error.GetString("schedule_id");
                    if (scheduleId != null)
                    {
                        return new ScheduleAlreadyRunningException(message, scheduleId);
                    }
                    return Rpc(error, message, code, RpcException.StatusCode.AlreadyExists);
                case "rpc_error":
                    return Rpc(error, message, code, RpcException.StatusCode.Unknown);
                case "timeout":
                    return Rpc(error, message, code, RpcException.StatusCode.DeadlineExceeded);
                case "connection_failed":
                    return Rpc(error, message, code, RpcException.StatusCode.Unavailable);
                case "already_started":
                    return new WorkflowAlreadyStartedException(message, workflowId, runId);
                case "workflow_failed":
                    return new WorkflowFailedException(
                        message, workflowId, runId, FailureMapper.ToException(error.GetObject("failure")));
                case "workflow_cancelled":
                    return new WorkflowFailedException(
                        message, workflowId, runId, new CanceledFailureException(message, null, null, null, error.GetRawList("details")));
                case "workflow_terminated":
                    return new WorkflowFailedException(
                        message,
                        workflowId,
                        runId,
                        new TerminatedFailureException(
                            error.GetString("reason") ?? message, null, null, null, error.GetRawList("details"), error.GetString("identity")));
                case "workflow_timed_out":
                    return new WorkflowFailedException(
                        message,
                        workflowId,
                        runId,
                        new TimeoutFailureException(message, null, null, null, TimeoutType.StartToClose, new List<RawJson>()));
                case "workflow_continued_as_new":
                    return new WorkflowContinuedAsNewException(message, error.GetString("new_run_id"));
                case "query_failed":
                    return new WorkflowQueryFailedException(message, FailureMapper.ToException(error.GetObject("failure")));
                case "query_rejected":
                    return new WorkflowQueryRejectedException(
                        message, error.GetEnum("status", WorkflowExecutionStatus.Unspecified));
                case "update_failed":
                    return new WorkflowUpdateFailedException(message, FailureMapper.ToException(error.GetObject("failure")));
                case "cancelled":
                    if (error.Get("grpc_code") != null)
                    {
                        // The server cancelled the call (for example a query no worker answered).
                        return Rpc(error, message, code, RpcException.StatusCode.Cancelled);
                    }
                    return cancellationToken.IsCancellationRequested
                        ? new OperationCanceledException(message, cancellationToken)
                        : new OperationCanceledException(message);
                case "config_error":
                    return new ConfigException(message);
                case "closed":
                    return new ObjectDisposedException(null, message);
                default:
                    return new InternalException(message, code);
            }
        }

        private static RpcException Rpc(Dictionary<string, object> error, string message, string code, RpcException.StatusCode fallback)
        {
            var grpc = error.GetLong("grpc_code");
            var status = grpc.HasValue && grpc.Value > 0 && grpc.Value <= 16 ? (RpcException.StatusCode)grpc.Value : fallback;
            return new RpcException(message, status, code);
        }
    }
}
