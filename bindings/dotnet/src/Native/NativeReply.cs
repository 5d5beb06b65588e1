namespace TemporalCapi.Native
{
    /// <summary>What a completion callback delivered.</summary>
    internal sealed class NativeReply
    {
        /// <summary>Creates a reply.</summary>
        internal NativeReply(NativeStatus status, string json, ClientHandle client)
        {
            Status = status;
            Json = json;
            Client = client;
        }

        /// <summary>How the call completed.</summary>
        internal NativeStatus Status { get; private set; }

        /// <summary>The response (status OK) or the error object.</summary>
        internal string Json { get; private set; }

        /// <summary>The new client of a successful connect; null otherwise.</summary>
        internal ClientHandle Client { get; private set; }
    }
}
