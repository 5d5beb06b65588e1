using System;

namespace TemporalCapi
{
    /// <summary>The argument checks of the public methods.</summary>
    internal static class Require
    {
        /// <summary>Throws <see cref="ArgumentNullException"/> for parameter <paramref name="name"/> when <paramref name="value"/> is null.</summary>
        internal static void NotNull(object value, string name)
        {
            if (value == null)
            {
                throw new ArgumentNullException(name);
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> for parameter <paramref name="name"/> when <paramref name="value"/> is null or empty.</summary>
        internal static void NotEmpty(string value, string name, string message)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException(message, name);
            }
        }
    }
}
