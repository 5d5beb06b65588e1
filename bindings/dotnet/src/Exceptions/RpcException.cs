namespace TemporalCapi
{
    /// <summary>
    /// A gRPC call failed: the server answered with an error status
    /// (<c>not_found</c>, <c>already_exists</c>, <c>rpc_error</c>, or a
    /// server-side <c>invalid_argument</c> or <c>cancelled</c>), it could not be reached
    /// (<c>connection_failed</c>, code <see cref="StatusCode.Unavailable"/>),
    /// or it did not answer in time (<c>timeout</c>, code
    /// <see cref="StatusCode.DeadlineExceeded"/>).
    /// </summary>
    public class RpcException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public RpcException(string message, StatusCode code, string errorCode)
            : base(message)
        {
            Code = code;
            ErrorCode = errorCode;
        }

        /// <summary>gRPC status codes.</summary>
        public enum StatusCode
        {
            /// <summary>Not an error.</summary>
            OK = 0,
            /// <summary>The operation was cancelled.</summary>
            Cancelled = 1,
            /// <summary>Unknown error.</summary>
            Unknown = 2,
            /// <summary>The client specified an invalid argument.</summary>
            InvalidArgument = 3,
            /// <summary>The deadline expired before the operation could complete.</summary>
            DeadlineExceeded = 4,
            /// <summary>The requested entity was not found.</summary>
            NotFound = 5,
            /// <summary>The entity already exists.</summary>
            AlreadyExists = 6,
            /// <summary>The caller lacks permission.</summary>
            PermissionDenied = 7,
            /// <summary>A resource (quota, rate) was exhausted.</summary>
            ResourceExhausted = 8,
            /// <summary>The system is not in a state required for the operation.</summary>
            FailedPrecondition = 9,
            /// <summary>The operation was aborted.</summary>
            Aborted = 10,
            /// <summary>The operation was attempted past the valid range.</summary>
            OutOfRange = 11,
            /// <summary>The operation is not implemented or supported.</summary>
            Unimplemented = 12,
            /// <summary>An internal server error.</summary>
            Internal = 13,
            /// <summary>The service is unavailable.</summary>
            Unavailable = 14,
            /// <summary>Unrecoverable data loss or corruption.</summary>
            DataLoss = 15,
            /// <summary>The request lacks valid authentication credentials.</summary>
            Unauthenticated = 16,
        }

        /// <summary>The gRPC status code.</summary>
        public StatusCode Code { get; private set; }

        /// <summary>The library's error code (docs/ABI.md), for example <c>not_found</c> or <c>rpc_error</c>.</summary>
        public string ErrorCode { get; private set; }
    }
}
