using System;
using Microsoft.Win32.SafeHandles;

namespace TemporalCapi.Native
{
    /// <summary>Owns a <c>TcClient</c>; releasing it calls <c>tc_client_free</c>.</summary>
    internal sealed class ClientHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        /// <summary>
        /// The runtime the client runs on. Held so that a reachable client
        /// (for example one referenced by a pending call) keeps its runtime
        /// from being finalized.
        /// </summary>
#pragma warning disable 414 // Held, never read: the reference is the point.
        private readonly RuntimeHandle runtime;
#pragma warning restore 414

        /// <summary>Takes ownership of a client delivered by <c>tc_client_connect</c>.</summary>
        internal ClientHandle(IntPtr client, RuntimeHandle runtime)
            : base(true)
        {
            this.runtime = runtime;
            SetHandle(client);
        }

        /// <summary>Frees the client; calls already in flight still complete.</summary>
        protected override bool ReleaseHandle()
        {
            NativeMethods.tc_client_free(handle);
            return true;
        }
    }
}
