using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>How a failed workflow run is retried.</summary>
    public sealed class RetryPolicy
    {
        /// <summary>Creates a policy with Temporal's defaults (1 s, x2, unlimited attempts).</summary>
        public RetryPolicy()
        {
            InitialInterval = TimeSpan.FromSeconds(1);
            BackoffCoefficient = 2.0F;
        }

        /// <summary>The first retry delay.</summary>
        public TimeSpan InitialInterval { get; set; }

        /// <summary>The factor each delay grows by.</summary>
        public float BackoffCoefficient { get; set; }

        /// <summary>The largest delay; null means 100 x <see cref="InitialInterval"/>.</summary>
        public TimeSpan? MaximumInterval { get; set; }

        /// <summary>Attempts including the first; 0 means unlimited.</summary>
        public int MaximumAttempts { get; set; }

        /// <summary>Application error types that are never retried.</summary>
        public IReadOnlyCollection<string> NonRetryableErrorTypes { get; set; }

        /// <summary>The <c>retry_policy</c> request object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>
            {
                { "initial_interval", InitialInterval.TotalSeconds },
                { "backoff_coefficient", BackoffCoefficient },
                { "maximum_attempts", MaximumAttempts },
            };
            json.PutSeconds("maximum_interval", MaximumInterval);
            if (NonRetryableErrorTypes != null)
            {
                json["non_retryable_error_types"] = NonRetryableErrorTypes;
            }
            return json;
        }

        /// <summary>Reads a <c>retry_policy</c> object of a response; null for null. An empty non-retryable list reads as null.</summary>
        internal static RetryPolicy FromJson(Dictionary<string, object> json)
        {
            if (json == null)
            {
                return null;
            }
            var nonRetryable = json.GetList("non_retryable_error_types").ConvertAll(JsonConverter.To<string>);
            return new RetryPolicy
            {
                InitialInterval = json.GetSeconds("initial_interval") ?? TimeSpan.FromSeconds(1),
                BackoffCoefficient = (float)(json.Get("backoff_coefficient") == null ? 2.0 : JsonConverter.To<double>(json.Get("backoff_coefficient"))),
                MaximumInterval = json.GetSeconds("maximum_interval"),
                MaximumAttempts = (int)(json.GetLong("maximum_attempts") ?? 0),
                NonRetryableErrorTypes = nonRetryable.Count == 0 ? null : nonRetryable,
            };
        }
    }
}
