using System;
using System.Collections.Generic;

namespace TemporalCapi.Json
{
    /// <summary>Writes of optional members into a request object (absent values are left out).</summary>
    internal static class RequestFields
    {
        /// <summary>Sets <paramref name="key"/> unless <paramref name="value"/> is null.</summary>
        internal static void Put(this Dictionary<string, object> obj, string key, object value)
        {
            if (value != null)
            {
                obj[key] = value;
            }
        }

        /// <summary>A JSON object of the pairs (later duplicates win); null for null.</summary>
        internal static Dictionary<string, object> ObjectOf<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs)
        {
            if (pairs == null)
            {
                return null;
            }
            var result = new Dictionary<string, object>();
            foreach (var pair in pairs)
            {
                result[pair.Key] = pair.Value;
            }
            return result;
        }

        /// <summary>Sets a duration as seconds unless it is null.</summary>
        internal static void PutSeconds(this Dictionary<string, object> obj, string key, TimeSpan? value)
        {
            if (value.HasValue)
            {
                obj[key] = value.Value.TotalSeconds;
            }
        }

        /// <summary>Sets an enum as its snake_case name unless it is the zero (unspecified) member.</summary>
        internal static void PutEnum(this Dictionary<string, object> obj, string key, Enum value)
        {
            if (Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                obj[key] = SnakeCase.Of(value);
            }
        }
    }
}
