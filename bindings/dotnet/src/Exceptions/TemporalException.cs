using System;

namespace TemporalCapi
{
    /// <summary>Base class of the exceptions this client throws for Temporal errors.</summary>
    public class TemporalException : Exception
    {
        /// <summary>
        /// The <see cref="Exception.Data"/> key under which every exception
        /// made from a library error (this class, and also
        /// <see cref="InvalidArgumentException"/>, <see cref="OperationCanceledException"/>
        /// and <see cref="ObjectDisposedException"/>) carries the error object
        /// as JSON text, with keys no property covers (for example
        /// <c>purged_count</c> of a purge that failed part way, or <c>address</c>).
        /// </summary>
        public const string ErrorDataKey = "temporal_capi.error";

        /// <summary>Creates an exception with a message.</summary>
        public TemporalException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and the exception that caused it.</summary>
        public TemporalException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
