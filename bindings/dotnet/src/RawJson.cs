using System;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// A JSON value kept as text. Pass it wherever a workflow argument,
    /// signal or query argument, memo or detail value is expected to send the
    /// JSON as is, and ask for it as a result type (for example
    /// <c>GetResultAsync&lt;RawJson&gt;()</c>) to receive a value as JSON
    /// text instead of converting it.
    /// </summary>
    public sealed class RawJson : IEquatable<RawJson>
    {
        private readonly string json;
        private readonly object parsed;

        /// <summary>Wraps JSON text (kept as given, minus surrounding whitespace); it must be exactly one valid JSON value.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="FormatException"><paramref name="json"/> is not valid JSON.</exception>
        public RawJson(string json)
        {
            Require.NotNull(json, "json");
            parsed = JsonReader.Parse(json);
            this.json = json.Trim();
        }

        private RawJson(object parsed, string json)
        {
            this.parsed = parsed;
            this.json = json;
        }

        /// <summary>The JSON text.</summary>
        public string Json
        {
            get { return json; }
        }

        /// <summary>The JSON form of any value the serializer accepts (see docs/dotnet.md).</summary>
        /// <exception cref="ArgumentException">The value cannot be written as JSON.</exception>
        public static RawJson FromValue(object value)
        {
            string text = JsonWriter.Serialize(value);
            return new RawJson(JsonReader.Parse(text), text);
        }

        /// <summary>Converts the value to <typeparamref name="T"/> (<see cref="object"/> gives dictionaries, lists and primitives).</summary>
        /// <exception cref="InvalidCastException">The JSON does not fit <typeparamref name="T"/>.</exception>
        public T ToValue<T>()
        {
            return JsonConverter.To<T>(parsed);
        }

        /// <summary>Whether both hold the same JSON text.</summary>
        public bool Equals(RawJson other)
        {
            return other != null && other.json == json;
        }

        /// <summary>Whether <paramref name="obj"/> is a <see cref="RawJson"/> with the same text.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as RawJson);
        }

        /// <summary>The hash of the JSON text.</summary>
        public override int GetHashCode()
        {
            return json.GetHashCode();
        }

        /// <summary>The JSON text.</summary>
        public override string ToString()
        {
            return json;
        }

        /// <summary>Wraps an already parsed value (the text is regenerated compactly).</summary>
        internal static RawJson FromParsed(object parsed)
        {
            return new RawJson(parsed, JsonWriter.Serialize(parsed));
        }
    }
}
