using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Connecting, and running native operations on the connection's client handle.</summary>
    public sealed partial class TemporalConnection
    {
        /// <summary>
        /// Connects with <paramref name="options"/> on their runtime (the
        /// default one when they name none); a failure is thrown as mapped by
        /// <see cref="ErrorMapper"/>.
        /// </summary>
        internal static async Task<TemporalConnection> ConnectAsync(
            TemporalClientConnectOptions options, CancellationToken cancellationToken)
        {
            var runtime = options.Runtime ?? TemporalRuntime.Default;
            runtime.ThrowIfDisposed();
            var json = Utf8.Encode(JsonWriter.Serialize(options.ToJson()));
            var reply = await PendingCall.Connect(runtime.Handle, json, cancellationToken).ConfigureAwait(false);
            try
            {
                return new TemporalConnection(reply.Client, runtime, reply.Response(cancellationToken), options);
            }
            catch
            {
                if (reply.Client != null)
                {
                    reply.Client.Dispose();
                }
                throw;
            }
        }

        /// <summary>
        /// Runs an operation on the native client and returns its response;
        /// a failure is thrown as mapped by <see cref="ErrorMapper"/>.
        /// </summary>
        internal Task<Dictionary<string, object>> CallAsync(
            NativeMethods.Operation operation, Dictionary<string, object> request, CancellationToken cancellationToken)
        {
            return CallAsync(operation, request, response => response, cancellationToken);
        }

        /// <summary>
        /// Runs an operation on the native client and returns what
        /// <paramref name="read"/> makes of its response; a failure is thrown
        /// as mapped by <see cref="ErrorMapper"/>.
        /// </summary>
        internal async Task<TResult> CallAsync<TResult>(
            NativeMethods.Operation operation,
            Dictionary<string, object> request,
            Func<Dictionary<string, object>, TResult> read,
            CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            var json = Utf8.Encode(JsonWriter.Serialize(request));
            var reply = await PendingCall.Run(Handle, operation, json, cancellationToken).ConfigureAwait(false);
            return read(reply.Response(cancellationToken));
        }

        /// <summary>
        /// The request and response key of the page token of every paged
        /// operation (<c>page_token_key</c> of include/temporal_capi.operations.json).
        /// </summary>
        internal const string PageTokenKey = "next_page_token";

        /// <summary>
        /// Runs a paged operation from <paramref name="pageToken"/> (null: the
        /// first page) and returns the page of <paramref name="rows"/> of its
        /// response, with the token of the next page.
        /// </summary>
        internal Task<Page<T>> CallPageAsync<T>(
            NativeMethods.Operation operation,
            Dictionary<string, object> request,
            string pageToken,
            Func<Dictionary<string, object>, IReadOnlyList<T>> rows,
            CancellationToken cancellationToken)
        {
            return CallPageAsync(
                operation, request, pageToken, (response, next) => new Page<T>(rows(response), next), cancellationToken);
        }

        /// <summary>
        /// Runs a paged operation from <paramref name="pageToken"/> (null: the
        /// first page), sent under <see cref="PageTokenKey"/>, and returns what
        /// <paramref name="read"/> makes of its response and the next page's
        /// token (the response's <see cref="PageTokenKey"/>; null after the last page).
        /// </summary>
        internal Task<TPage> CallPageAsync<TPage>(
            NativeMethods.Operation operation,
            Dictionary<string, object> request,
            string pageToken,
            Func<Dictionary<string, object>, string, TPage> read,
            CancellationToken cancellationToken)
        {
            request.Put(PageTokenKey, pageToken);
            return CallAsync(operation, request, response => read(response, response.GetString(PageTokenKey)), cancellationToken);
        }
    }
}
