using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>Options of <see cref="TemporalClient.ConnectAsync"/>.</summary>
    public sealed class TemporalClientConnectOptions
    {
        /// <summary>Creates options for the default address (<c>127.0.0.1:7233</c>).</summary>
        public TemporalClientConnectOptions()
        {
        }

        /// <summary>Creates options for <paramref name="targetHost"/> (<c>host:port</c> or a URL).</summary>
        public TemporalClientConnectOptions(string targetHost)
        {
            TargetHost = targetHost;
        }

        /// <summary>The server: <c>host:port</c> or a URL; null for <c>127.0.0.1:7233</c>.</summary>
        public string TargetHost { get; set; }

        /// <summary>The namespace; null for <c>default</c>.</summary>
        public string Namespace { get; set; }

        /// <summary>The client identity recorded in history; null for <c>pid@hostname</c>.</summary>
        public string Identity { get; set; }

        /// <summary>An API key, sent as <c>authorization: Bearer &lt;key&gt;</c>; turns TLS on unless <see cref="Tls"/> disables it.</summary>
        public string ApiKey { get; set; }

        /// <summary>TLS settings; null for off (or on, with an <see cref="ApiKey"/>).</summary>
        public TlsOptions Tls { get; set; }

        /// <summary>gRPC metadata sent with every call.</summary>
        public IReadOnlyCollection<KeyValuePair<string, string>> RpcMetadata { get; set; }

        /// <summary>Names (any case) of <see cref="RpcMetadata"/> headers whose values are secrets: never shown in errors or log records. <c>authorization</c> always is.</summary>
        public IReadOnlyCollection<string> SecretHeaders { get; set; }

        /// <summary>Bound on the whole connect (TCP, TLS and the first call), also for a lazy client's first call; null for none.</summary>
        public TimeSpan? ConnectTimeout { get; set; }

        /// <summary>Most long polls (result, update and start waits) the client holds at once, at least 1; null for 200. Further result waits check with short requests.</summary>
        public int? MaxLongPolls { get; set; }

        /// <summary>Transport compression; null for <see cref="TemporalCapi.GrpcCompression.Gzip"/>, the official clients' default. <see cref="TemporalCapi.GrpcCompression.None"/> saves CPU when the server is nearby.</summary>
        public GrpcCompression? GrpcCompression { get; set; }

        /// <summary>The runtime to run on; null for <see cref="TemporalRuntime.Default"/>.</summary>
        public TemporalRuntime Runtime { get; set; }

        /// <summary>The <c>tc_client_connect</c> options object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>();
            json.Put("address", TargetHost);
            json.Put("namespace", Namespace);
            json.Put("identity", Identity);
            json.Put("api_key", ApiKey);
            json.Put("tls", Tls == null ? null : Tls.ToJson());
            json.Put("headers", RequestFields.ObjectOf(RpcMetadata));
            json.Put("secret_headers", SecretHeaders == null ? null : new List<string>(SecretHeaders));
            json.PutSeconds("connect_timeout", ConnectTimeout);
            json.Put("max_long_polls", MaxLongPolls);
            json.Put("grpc_compression", GrpcCompression == null ? null : GrpcCompression == TemporalCapi.GrpcCompression.Gzip ? "gzip" : "none");
            return json;
        }
    }
}
