using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>Reads the lists of upcoming action times in describe and list responses.</summary>
    internal static class ScheduleTimes
    {
        /// <summary>The RFC 3339 timestamps of <paramref name="json"/> as UTC times.</summary>
        internal static IReadOnlyList<DateTime> FromJson(List<object> json)
        {
            return json.ConvertAll(t => JsonConverter.To<DateTime>(t));
        }
    }
}
