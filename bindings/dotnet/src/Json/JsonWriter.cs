using System;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace TemporalCapi.Json
{
    /// <summary>
    /// Writes .NET values as compact JSON.
    /// </summary>
    /// <remarks>
    /// null; <see cref="RawJson"/> verbatim; strings, chars and
    /// <see cref="Guid"/> as strings; <see cref="bool"/>; every numeric
    /// type (enums as their number; NaN and infinities are rejected);
    /// <see cref="DateTime"/> and <see cref="DateTimeOffset"/> as RFC 3339
    /// strings (a DateTime of unspecified kind is taken as UTC);
    /// dictionaries as objects (keys via invariant ToString); other
    /// enumerables as arrays; any other object as an object of its public
    /// readable properties and fields, named by <see cref="DataMemberAttribute.Name"/>
    /// when given (with <see cref="DataContractAttribute"/>, only data
    /// members), skipping <see cref="IgnoreDataMemberAttribute"/>.
    /// </remarks>
    internal static class JsonWriter
    {
        /// <summary>Deeper nesting (or a reference cycle) is rejected.</summary>
        internal const int MaxDepth = 64;

        /// <summary>Serializes <paramref name="value"/>; unsupported values give <see cref="ArgumentException"/>.</summary>
        internal static string Serialize(object value)
        {
            var builder = new StringBuilder();
            Write(builder, value, 0);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, object value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException("Value nested deeper than " + MaxDepth + " levels (a reference cycle?)");
            }
            if (value == null)
            {
                builder.Append("null");
                return;
            }
            var raw = value as RawJson;
            if (raw != null)
            {
                builder.Append(raw.Json);
                return;
            }
            if (value is string || value is char || value is Guid)
            {
                WriteString(builder, Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }
            if (value is bool)
            {
                builder.Append((bool)value ? "true" : "false");
                return;
            }
            if (value is Enum)
            {
                WriteEnum(builder, (Enum)value);
                return;
            }
            if (WriteNumber(builder, value) || WriteTime(builder, value))
            {
                return;
            }
            var dictionary = value as IDictionary;
            if (dictionary != null)
            {
                WriteDictionary(builder, dictionary, depth);
                return;
            }
            var sequence = value as IEnumerable;
            if (sequence != null)
            {
                WriteArray(builder, sequence, depth);
                return;
            }
            WriteMembers(builder, value, depth);
        }

        private static void WriteEnum(StringBuilder builder, Enum value)
        {
            var underlying = Enum.GetUnderlyingType(value.GetType());
            builder.Append(underlying == typeof(ulong)
                ? Convert.ToUInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        private static bool WriteNumber(StringBuilder builder, object value)
        {
            if (value is double || value is float)
            {
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new ArgumentException("JSON cannot represent " + number);
                }
                builder.Append(value is float
                    ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture));
                return true;
            }
            if (value is decimal || value is sbyte || value is byte || value is short || value is ushort
                || value is int || value is uint || value is long || value is ulong)
            {
                builder.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return true;
            }
            return false;
        }

        private static bool WriteTime(StringBuilder builder, object value)
        {
            if (value is DateTime)
            {
                var time = (DateTime)value;
                var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
                WriteString(builder, Rfc3339.Format(new DateTimeOffset(utc)));
                return true;
            }
            if (value is DateTimeOffset)
            {
                WriteString(builder, Rfc3339.Format((DateTimeOffset)value));
                return true;
            }
            return false;
        }

        private static void WriteDictionary(StringBuilder builder, IDictionary dictionary, int depth)
        {
            builder.Append('{');
            bool first = true;
            foreach (DictionaryEntry entry in dictionary)
            {
                WriteMember(builder, ref first, Convert.ToString(entry.Key, CultureInfo.InvariantCulture), entry.Value, depth);
            }
            builder.Append('}');
        }

        private static void WriteArray(StringBuilder builder, IEnumerable sequence, int depth)
        {
            builder.Append('[');
            bool first = true;
            foreach (var item in sequence)
            {
                if (!first)
                {
                    builder.Append(',');
                }
                first = false;
                Write(builder, item, depth + 1);
            }
            builder.Append(']');
        }

        private static void WriteMembers(StringBuilder builder, object value, int depth)
        {
            var type = value.GetType();
            bool contract = type.GetCustomAttributes(typeof(DataContractAttribute), true).Length > 0;
            builder.Append('{');
            bool first = true;
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
            {
                var property = member as PropertyInfo;
                var field = member as FieldInfo;
                bool readable = (property != null && property.GetGetMethod() != null && property.GetIndexParameters().Length == 0) || field != null;
                string name = readable ? MemberNames.Of(member, contract) : null;
                if (name != null)
                {
                    WriteMember(builder, ref first, name, property != null ? property.GetValue(value, null) : field.GetValue(value), depth);
                }
            }
            builder.Append('}');
        }

        private static void WriteMember(StringBuilder builder, ref bool first, string name, object value, int depth)
        {
            if (!first)
            {
                builder.Append(',');
            }
            first = false;
            WriteString(builder, name);
            builder.Append(':');
            Write(builder, value, depth + 1);
        }

        /// <summary>Writes a JSON string literal; runs of characters that need no escape are appended in one piece.</summary>
        internal static void WriteString(StringBuilder builder, string text)
        {
            builder.Append('"');
            int run = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c != '"' && c != '\\')
                {
                    continue;
                }
                builder.Append(text, run, i - run);
                run = i + 1;
                char letter;
                if (JsonEscapes.TryEscape(c, out letter))
                {
                    builder.Append('\\').Append(letter);
                }
                else
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
            }
            builder.Append(text, run, text.Length - run);
            builder.Append('"');
        }
    }
}
