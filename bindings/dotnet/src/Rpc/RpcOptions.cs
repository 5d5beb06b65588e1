using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>Per-call options of a raw call through a <see cref="ServiceClient"/>.</summary>
    public sealed class RpcOptions
    {
        /// <summary>Creates options with the defaults: no timeout, retries on, no extra metadata.</summary>
        public RpcOptions()
        {
            Retry = true;
        }

        /// <summary>Bound on the call (all retries included); null for none.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Whether transient failures are retried with the connection's retry policy (default true).</summary>
        public bool Retry { get; set; }

        /// <summary>Extra gRPC metadata for this call, on top of <see cref="TemporalConnection.RpcMetadata"/>; null for none.</summary>
        public IReadOnlyCollection<KeyValuePair<string, string>> Metadata { get; set; }

        /// <summary>Adds <c>timeout</c>, <c>retry</c> and <c>headers</c> to a <c>tc_client_rpc</c> request.</summary>
        internal void AddTo(Dictionary<string, object> request)
        {
            request.PutSeconds("timeout", Timeout);
            request["retry"] = Retry;
            request.Put("headers", RequestFields.ObjectOf(Metadata));
        }
    }
}
