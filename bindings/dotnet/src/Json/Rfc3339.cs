using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TemporalCapi.Json
{
    /// <summary>RFC 3339 timestamps, the JSON form of every time (docs/JSON.md).</summary>
    internal static class Rfc3339
    {
        private static readonly Regex Shape = new Regex(
            @"^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$",
            RegexOptions.CultureInvariant);

        /// <summary>Formats with its offset and a fraction only when non-zero.</summary>
        internal static string Format(DateTimeOffset time)
        {
            return time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        }

        /// <summary>Parses an RFC 3339 timestamp (fractions beyond 100 ns are truncated).</summary>
        internal static DateTimeOffset Parse(string text)
        {
            var match = Shape.Match(text ?? string.Empty);
            if (!match.Success)
            {
                throw new FormatException("Not an RFC 3339 timestamp: " + text);
            }
            string fraction = match.Groups[3].Value;
            fraction = fraction.Length > 7 ? fraction.Substring(0, 7) : fraction.PadRight(7, '0');
            string offset = match.Groups[4].Value.ToUpperInvariant() == "Z" ? "+00:00" : match.Groups[4].Value;
            string normalized = match.Groups[1].Value + "T" + match.Groups[2].Value + "." + fraction + offset;
            return DateTimeOffset.ParseExact(
                normalized, "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None);
        }
    }
}
