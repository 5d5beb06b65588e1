using System;
using System.Collections.Generic;

namespace TemporalCapi.Json
{
    /// <summary>Typed reads of optional members of a parsed JSON object.</summary>
    internal static class JsonFields
    {
        /// <summary>Parses text that must be a JSON object.</summary>
        internal static Dictionary<string, object> ParseObject(string json)
        {
            var result = JsonReader.Parse(json) as Dictionary<string, object>;
            if (result == null)
            {
                throw new FormatException("Expected a JSON object from temporal_capi, got: " + json);
            }
            return result;
        }

        /// <summary>The member's value, or null when absent.</summary>
        internal static object Get(this Dictionary<string, object> obj, string key)
        {
            object value;
            return obj != null && obj.TryGetValue(key, out value) ? value : null;
        }

        /// <summary>A string member, or null.</summary>
        internal static string GetString(this Dictionary<string, object> obj, string key)
        {
            return obj.Get(key) as string;
        }

        /// <summary>A boolean member; false when absent or null.</summary>
        internal static bool GetBool(this Dictionary<string, object> obj, string key)
        {
            return obj.Get(key) as bool? ?? false;
        }

        /// <summary>An integer member, or null.</summary>
        internal static long? GetLong(this Dictionary<string, object> obj, string key)
        {
            var value = obj.Get(key);
            return value == null ? (long?)null : JsonConverter.To<long>(value);
        }

        /// <summary>A number member; 0 when absent or null.</summary>
        internal static double GetDouble(this Dictionary<string, object> obj, string key)
        {
            var value = obj.Get(key);
            return value == null ? 0.0 : JsonConverter.To<double>(value);
        }

        /// <summary>An object member, or null.</summary>
        internal static Dictionary<string, object> GetObject(this Dictionary<string, object> obj, string key)
        {
            return obj.Get(key) as Dictionary<string, object>;
        }

        /// <summary>An array member; empty when absent or null.</summary>
        internal static List<object> GetList(this Dictionary<string, object> obj, string key)
        {
            return obj.Get(key) as List<object> ?? new List<object>();
        }

        /// <summary>A duration in seconds, or null.</summary>
        internal static TimeSpan? GetSeconds(this Dictionary<string, object> obj, string key)
        {
            var value = obj.Get(key);
            return value == null ? (TimeSpan?)null : JsonConverter.To<TimeSpan>(value);
        }

        /// <summary>An RFC 3339 timestamp as UTC, or null.</summary>
        internal static DateTime? GetTime(this Dictionary<string, object> obj, string key)
        {
            var value = obj.GetString(key);
            return value == null ? (DateTime?)null : Rfc3339.Parse(value).UtcDateTime;
        }

        /// <summary>An enum member given by name (see <see cref="JsonConverter"/>); <paramref name="fallback"/> when absent or unknown.</summary>
        internal static T GetEnum<T>(this Dictionary<string, object> obj, string key, T fallback)
        {
            try
            {
                var value = obj.Get(key);
                return value == null ? fallback : JsonConverter.To<T>(value);
            }
            catch (InvalidCastException)
            {
                return fallback;
            }
        }

        /// <summary>An array member as <see cref="RawJson"/> values.</summary>
        internal static IReadOnlyList<RawJson> GetRawList(this Dictionary<string, object> obj, string key)
        {
            return obj.GetList(key).ConvertAll(RawJson.FromParsed);
        }

        /// <summary>An object member as <see cref="RawJson"/> values by key; empty when absent.</summary>
        internal static IReadOnlyDictionary<string, RawJson> GetRawMap(this Dictionary<string, object> obj, string key)
        {
            var result = new Dictionary<string, RawJson>();
            var members = obj.GetObject(key);
            if (members != null)
            {
                foreach (var member in members)
                {
                    result[member.Key] = RawJson.FromParsed(member.Value);
                }
            }
            return result;
        }
    }
}
