using System;
using System.Collections.Generic;
using System.Threading;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>The connection of a <see cref="TemporalClient"/>: server details and live credentials.</summary>
    public sealed partial class TemporalConnection : IDisposable
    {
        private readonly object gate = new object();
        private readonly ClientHandle handle;
        private int disposed;
        private string apiKey;
        private IReadOnlyCollection<KeyValuePair<string, string>> rpcMetadata;

        internal TemporalConnection(
            ClientHandle handle, TemporalRuntime runtime, Dictionary<string, object> response, TemporalClientConnectOptions options)
        {
            this.handle = handle;
            Runtime = runtime;
            TargetHost = response.GetString("address");
            Identity = response.GetString("identity");
            ServerVersion = response.GetObject("system_info").GetString("server_version");
            Namespace = response.GetString("namespace");
            apiKey = options.ApiKey;
            rpcMetadata = options.RpcMetadata;
        }

        /// <summary>The runtime the connection runs on.</summary>
        public TemporalRuntime Runtime { get; private set; }

        /// <summary>The server address connected to.</summary>
        public string TargetHost { get; private set; }

        /// <summary>The identity sent with every call.</summary>
        public string Identity { get; private set; }

        /// <summary>The server's version as it reported it on connect.</summary>
        public string ServerVersion { get; private set; }

        /// <summary>The namespace the connection was opened for.</summary>
        internal string Namespace { get; private set; }

        /// <summary>
        /// The API key sent as <c>authorization: Bearer &lt;key&gt;</c>.
        /// Setting it applies to every later call; null removes it.
        /// </summary>
        /// <exception cref="InvalidArgumentException">The library rejected the key (not valid header text); the previous key stays.</exception>
        /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
        public string ApiKey
        {
            get
            {
                lock (gate)
                {
                    return apiKey;
                }
            }

            set
            {
                lock (gate)
                {
                    Update(NativeMethods.tc_client_update_api_key, value);
                    apiKey = value;
                }
            }
        }

        /// <summary>
        /// The gRPC metadata sent with every call. Setting it replaces all of
        /// it for every later call; null removes it.
        /// </summary>
        /// <exception cref="InvalidArgumentException">The library rejected a name or value (not valid header text); the previous metadata stays.</exception>
        /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
        public IReadOnlyCollection<KeyValuePair<string, string>> RpcMetadata
        {
            get
            {
                lock (gate)
                {
                    return rpcMetadata;
                }
            }

            set
            {
                lock (gate)
                {
                    var headers = RequestFields.ObjectOf(value) ?? new Dictionary<string, object>();
                    Update(NativeMethods.tc_client_update_headers, JsonWriter.Serialize(headers));
                    rpcMetadata = value;
                }
            }
        }

        /// <summary>The shape of <c>tc_client_update_api_key</c> and <c>tc_client_update_headers</c>.</summary>
        private delegate int ClientUpdate(ClientHandle client, byte[] value, UIntPtr length, ref IntPtr errorJson);

        /// <summary>The native client.</summary>
        internal ClientHandle Handle
        {
            get { return handle; }
        }

        /// <summary>
        /// Frees the native client. Calls in flight still complete (the client
        /// is freed after the last of them); later calls throw <see cref="ObjectDisposedException"/>.
        /// </summary>
        public void Dispose()
        {
            Interlocked.Exchange(ref disposed, 1);
            handle.Dispose();
        }

        /// <summary>
        /// Applies <paramref name="value"/> (null: none) with <paramref name="update"/>;
        /// throws the library's error (see <see cref="SyncCall"/>) when it is rejected.
        /// </summary>
        private void Update(ClientUpdate update, string value)
        {
            ThrowIfDisposed();
            var bytes = Utf8.Encode(value);
            SyncCall.Run((ref IntPtr error) => update(handle, bytes, Utf8.Length(bytes), ref error));
        }

        /// <summary>
        /// Throws once <see cref="Dispose"/> was called. Checked here because
        /// a <see cref="System.Runtime.InteropServices.SafeHandle"/> with
        /// calls in flight still accepts new references on some runtimes (Mono).
        /// </summary>
        internal void ThrowIfDisposed()
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                throw new ObjectDisposedException("TemporalConnection");
            }
        }
    }
}
