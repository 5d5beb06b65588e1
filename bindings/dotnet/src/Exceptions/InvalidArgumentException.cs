using System;

namespace TemporalCapi
{
    /// <summary>
    /// The library rejected a request before sending it (error code
    /// <c>invalid_argument</c>): a malformed value, an unknown key, an
    /// invalid header. <see cref="ArgumentException.ParamName"/> is the
    /// path of the offending key when known.
    /// </summary>
    public class InvalidArgumentException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public InvalidArgumentException(string message, string key)
            : base(message, key)
        {
        }
    }
}
