using System;
using System.Collections.Generic;
using System.Threading;
using TemporalCapi.Json;

namespace TemporalCapi.Native
{
    /// <summary>Turns a <see cref="NativeReply"/> into a response object or an exception.</summary>
    internal static class Replies
    {
        /// <summary>The parsed response of a successful call; otherwise throws the mapped exception (see <see cref="ErrorMapper"/>).</summary>
        internal static Dictionary<string, object> Response(NativeReply reply, CancellationToken cancellationToken)
        {
            if (reply.Status == NativeStatus.Ok)
            {
                return JsonFields.ParseObject(reply.Json);
            }
            throw ErrorMapper.ToException(reply.Json, cancellationToken);
        }

        /// <summary>Throws for a synchronous call's failure code (these calls return no error object).</summary>
        internal static void Check(int result, string what)
        {
            switch ((NativeResult)result)
            {
                case NativeResult.Ok:
                    return;
                case NativeResult.InvalidArgument:
                    throw new InvalidArgumentException(what + " was rejected as invalid", what);
                case NativeResult.Closed:
                    throw new ObjectDisposedException(null, "The client was disposed or its runtime shut down");
                default:
                    throw new InternalException("temporal_capi failed with " + (NativeResult)result + " setting " + what, "internal");
            }
        }
    }
}
