namespace TemporalCapi
{
    /// <summary>gRPC transport compression (<see cref="TemporalClientConnectOptions.GrpcCompression"/>).</summary>
    public enum GrpcCompression
    {
        /// <summary>Gzip-compress requests and accept compressed responses: less traffic, more CPU.</summary>
        Gzip,

        /// <summary>No compression: the least CPU per call, for a server nearby.</summary>
        None,
    }
}
