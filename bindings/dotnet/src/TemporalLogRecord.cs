using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>One log record of the native library.</summary>
    public sealed class TemporalLogRecord
    {
        internal TemporalLogRecord(Dictionary<string, object> json)
        {
            Level = json.GetEnum("level", TemporalLogLevel.Info);
            Target = json.GetString("target");
            Message = json.GetString("message");
            Fields = json.GetRawMap("fields");
            Timestamp = json.GetTime("timestamp");
        }

        /// <summary>The severity.</summary>
        public TemporalLogLevel Level { get; private set; }

        /// <summary>Where in the library it was logged (a Rust module path).</summary>
        public string Target { get; private set; }

        /// <summary>The message.</summary>
        public string Message { get; private set; }

        /// <summary>Structured fields (for example <c>workflow_id</c>), as JSON values.</summary>
        public IReadOnlyDictionary<string, RawJson> Fields { get; private set; }

        /// <summary>When it was logged (UTC).</summary>
        public DateTime? Timestamp { get; private set; }
    }
}
