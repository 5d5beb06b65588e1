using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Running native operations on the connection's client handle.</summary>
    public sealed partial class TemporalConnection
    {
        /// <summary>
        /// Runs an operation on the native client and returns its response;
        /// a failure is thrown as mapped by <see cref="ErrorMapper"/>.
        /// </summary>
        internal async Task<Dictionary<string, object>> CallAsync(
            NativeMethods.Operation operation, Dictionary<string, object> request, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            var json = Utf8.Encode(JsonWriter.Serialize(request));
            var reply = await PendingCall.Run(Handle, operation, json, cancellationToken).ConfigureAwait(false);
            return Replies.Response(reply, cancellationToken);
        }
    }
}
