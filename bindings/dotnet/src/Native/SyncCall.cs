using System;
using System.Collections.Generic;
using System.Threading;
using TemporalCapi.Json;

namespace TemporalCapi.Native
{
    /// <summary>
    /// The one way to call a synchronous export that can fail: its trailing
    /// <c>char **error_json_out</c> receives the library's error object on
    /// failure (docs/ABI.md, "Synchronous errors"), which is thrown as
    /// <see cref="ErrorMapper"/> maps it.
    /// </summary>
    internal static class SyncCall
    {
        /// <summary>A synchronous export with every argument bound but the trailing error out-parameter.</summary>
        internal delegate int Export(ref IntPtr errorJson);

        /// <summary>
        /// Calls <paramref name="export"/> and returns when it succeeded; otherwise
        /// frees the error object it wrote and throws the mapped exception
        /// (<c>TC_RESULT_NULL_ARGUMENT</c> comes with code <c>invalid_argument</c>:
        /// an <see cref="InvalidArgumentException"/>).
        /// </summary>
        internal static void Run(Export export)
        {
            var error = IntPtr.Zero;
            var result = (NativeResult)export(ref error);
            if (result == NativeResult.Ok)
            {
                return;
            }
            if (error == IntPtr.Zero)
            {
                throw WithoutErrorObject(result);
            }
            var json = Utf8.TakeOwned(error);
            ReplyObserver.Notify(null, NativeStatus.Error, json);
            throw ErrorMapper.ToException(json, CancellationToken.None);
        }

        /// <summary>
        /// The exception for a failure <paramref name="result"/> that came
        /// without an error object: an asynchronous call refused with
        /// <c>TC_RESULT_NULL_ARGUMENT</c>, or a library breaking its contract.
        /// It is mapped from the code the result stands for, as the library's
        /// own error object would be.
        /// </summary>
        internal static Exception WithoutErrorObject(NativeResult result)
        {
            string code;
            switch (result)
            {
                case NativeResult.NullArgument:
                case NativeResult.InvalidArgument:
                    code = "invalid_argument";
                    break;
                case NativeResult.Panic:
                    code = "panic";
                    break;
                case NativeResult.Closed:
                    code = "closed";
                    break;
                default:
                    code = "internal";
                    break;
            }
            var json = JsonWriter.Serialize(new Dictionary<string, object>
            {
                { "code", code },
                { "message", "temporal_capi returned " + result + " without an error object" },
            });
            return ErrorMapper.ToException(json, CancellationToken.None);
        }
    }
}
