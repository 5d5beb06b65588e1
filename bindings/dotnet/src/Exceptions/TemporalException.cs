using System;

namespace TemporalCapi
{
    /// <summary>Base class of the exceptions this client throws for Temporal errors.</summary>
    public class TemporalException : Exception
    {
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
