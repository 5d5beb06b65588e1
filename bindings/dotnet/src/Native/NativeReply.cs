using System;
using System.Collections.Generic;
using System.Threading;
using TemporalCapi.Json;

namespace TemporalCapi.Native
{
    /// <summary>What a completion callback delivered.</summary>
    internal sealed class NativeReply
    {
        /// <summary>Copies what a callback received: its status, its JSON text and (from a connect) the new client.</summary>
        internal NativeReply(int status, IntPtr json, UIntPtr jsonLength, ClientHandle client)
        {
            Status = (NativeStatus)status;
            Json = Utf8.Decode(json, jsonLength);
            Client = client;
        }

        /// <summary>How the call completed.</summary>
        internal NativeStatus Status { get; private set; }

        /// <summary>The response (status OK) or the error object.</summary>
        internal string Json { get; private set; }

        /// <summary>The new client of a successful connect; null otherwise.</summary>
        internal ClientHandle Client { get; private set; }

        /// <summary>
        /// The parsed response of a successful call; otherwise throws the
        /// error object as <see cref="ErrorMapper"/> maps it for a call made
        /// with <paramref name="cancellationToken"/>.
        /// </summary>
        internal Dictionary<string, object> Response(CancellationToken cancellationToken)
        {
            if (Status == NativeStatus.Ok)
            {
                return JsonFields.ParseObject(Json);
            }
            throw ErrorMapper.ToException(Json, cancellationToken);
        }
    }
}
