namespace TemporalCapi
{
    /// <summary>
    /// The native library failed in a way that is a bug: a caught panic
    /// (<c>panic</c>), a broken invariant (<c>internal</c>) or an error code
    /// this wrapper does not know.
    /// </summary>
    public class InternalException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public InternalException(string message, string errorCode)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        /// <summary>The library's error code.</summary>
        public string ErrorCode { get; private set; }
    }
}
