using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>Turns a failure chain (docs/JSON.md "Failures") into nested <see cref="FailureException"/>s.</summary>
    internal static class FailureMapper
    {
        /// <summary>The exception for <paramref name="failure"/> with its causes as inner exceptions; null for null.</summary>
        internal static FailureException ToException(Dictionary<string, object> failure)
        {
            if (failure == null)
            {
                return null;
            }
            var cause = ToException(failure.GetObject("cause"));
            string message = failure.GetString("message") ?? string.Empty;
            var raw = RawJson.FromParsed(failure);
            string stack = failure.GetString("stack_trace");
            switch (failure.GetString("kind"))
            {
                case "application":
                    return new ApplicationFailureException(
                        message,
                        raw,
                        stack,
                        cause,
                        failure.GetString("type"),
                        failure.GetBool("non_retryable"),
                        failure.GetRawList("details"),
                        failure.GetSeconds("next_retry_delay"));
                case "canceled":
                    return new CanceledFailureException(message, raw, stack, cause, failure.GetRawList("details"));
                case "terminated":
                    return new TerminatedFailureException(
                        message, raw, stack, cause, failure.GetRawList("details"), failure.GetString("identity"));
                case "timeout":
                    return new TimeoutFailureException(
                        message,
                        raw,
                        stack,
                        cause,
                        failure.GetEnum("timeout_type", TimeoutType.Unspecified),
                        failure.GetRawList("last_heartbeat_details"));
                default:
                    return new FailureException(message, raw, stack, cause);
            }
        }
    }
}
