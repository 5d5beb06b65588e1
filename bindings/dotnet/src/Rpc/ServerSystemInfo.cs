using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>The server's answer to <c>GetSystemInfo</c>, from <see cref="TemporalConnection.GetSystemInfoAsync"/>.</summary>
    public sealed class ServerSystemInfo
    {
        internal ServerSystemInfo(Dictionary<string, object> response)
        {
            ServerVersion = response.GetString("server_version");
            var capabilities = new Dictionary<string, bool>();
            var reported = response.GetObject("capabilities");
            if (reported != null)
            {
                foreach (var capability in reported)
                {
                    capabilities[capability.Key] = capability.Value as bool? ?? false;
                }
            }
            Capabilities = capabilities;
            Raw = RawJson.FromParsed(response);
        }

        /// <summary>The server's version, for example <c>1.28.0</c>.</summary>
        public string ServerVersion { get; private set; }

        /// <summary>
        /// The capabilities by snake_case name (for example
        /// <c>supports_schedules</c>, <c>count_group_by_execution_status</c>,
        /// <c>nexus</c>); empty when the server reported none.
        /// </summary>
        public IReadOnlyDictionary<string, bool> Capabilities { get; private set; }

        /// <summary>The response as sent by the library: <c>{"server_version", "capabilities": {...}}</c>.</summary>
        public RawJson Raw { get; private set; }

        /// <summary>Whether the server reported <paramref name="capability"/> (snake_case name) as true.</summary>
        public bool Supports(string capability)
        {
            bool value;
            return Capabilities.TryGetValue(capability, out value) && value;
        }
    }
}
