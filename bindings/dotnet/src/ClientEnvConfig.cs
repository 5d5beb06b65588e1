using System;
using System.Collections.Generic;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// Loads connection settings from Temporal's environment configuration:
    /// a TOML profile (<c>TEMPORAL_CONFIG_FILE</c>, else
    /// <c>~/.config/temporalio/temporal.toml</c>) overridden by
    /// <c>TEMPORAL_*</c> environment variables.
    /// </summary>
    public static class ClientEnvConfig
    {
        /// <summary>Loads a profile into connect options (override any of them before connecting).</summary>
        /// <param name="options">Where and what to load; null for the defaults.</param>
        /// <exception cref="ConfigException">The profile does not exist or the file cannot be read or parsed.</exception>
        public static TemporalClientConnectOptions LoadClientConnectOptions(ProfileLoadOptions options = null)
        {
            var profile = Load((options ?? new ProfileLoadOptions()).ToJson());
            var headers = profile.GetObject("headers");
            Dictionary<string, string> metadata = null;
            if (headers != null)
            {
                metadata = new Dictionary<string, string>();
                foreach (var header in headers)
                {
                    metadata[header.Key] = header.Value as string;
                }
            }
            return new TemporalClientConnectOptions(profile.GetString("address"))
            {
                Namespace = profile.GetString("namespace"),
                ApiKey = profile.GetString("api_key"),
                Tls = TlsOptions.FromJson(profile.Get("tls")),
                RpcMetadata = metadata,
            };
        }

        /// <summary>Loads <paramref name="profile"/> (null: <c>TEMPORAL_PROFILE</c>, else <c>default</c>) from <paramref name="configFile"/> (null: the default file).</summary>
        /// <exception cref="ConfigException">The profile does not exist or the file cannot be read or parsed.</exception>
        public static TemporalClientConnectOptions LoadClientConnectOptions(string profile, string configFile)
        {
            return LoadClientConnectOptions(new ProfileLoadOptions { Profile = profile, ConfigFile = configFile });
        }

        /// <summary>Runs <c>tc_envconfig_load</c> with <paramref name="request"/> and returns the profile it loaded.</summary>
        /// <exception cref="ConfigException">The profile does not exist or the file cannot be read or parsed.</exception>
        /// <exception cref="InvalidArgumentException">The library rejected the request.</exception>
        internal static Dictionary<string, object> Load(Dictionary<string, object> request)
        {
            AbiCheck.Ensure();
            var json = Utf8.Encode(JsonWriter.Serialize(request));
            IntPtr text = IntPtr.Zero;
            UIntPtr length = UIntPtr.Zero;
            SyncCall.Run((ref IntPtr error) => NativeMethods.tc_envconfig_load(json, Utf8.Length(json), out text, out length, ref error));
            return JsonFields.ParseObject(Utf8.TakeOwned(text, length));
        }

        /// <summary>Where and how <see cref="LoadClientConnectOptions(ProfileLoadOptions)"/> loads a profile.</summary>
        public sealed class ProfileLoadOptions
        {
            /// <summary>The profile name; null for <c>TEMPORAL_PROFILE</c>, else <c>default</c>.</summary>
            public string Profile { get; set; }

            /// <summary>The TOML file; null for <c>TEMPORAL_CONFIG_FILE</c>, else the default location.</summary>
            public string ConfigFile { get; set; }

            /// <summary>TOML text to use instead of a file.</summary>
            public string ConfigData { get; set; }

            /// <summary>Skip the file (environment variables only).</summary>
            public bool DisableFile { get; set; }

            /// <summary>Skip environment variables (file only).</summary>
            public bool DisableEnv { get; set; }

            /// <summary>Reject unknown keys in the TOML file.</summary>
            public bool ConfigFileStrict { get; set; }

            /// <summary>Variables to use instead of the process environment.</summary>
            public IReadOnlyDictionary<string, string> OverrideEnvVars { get; set; }

            /// <summary>The <c>tc_envconfig_load</c> request.</summary>
            internal Dictionary<string, object> ToJson()
            {
                var json = new Dictionary<string, object>
                {
                    { "disable_file", DisableFile },
                    { "disable_env", DisableEnv },
                    { "strict", ConfigFileStrict },
                };
                json.Put("profile", Profile);
                json.Put("config_file", ConfigFile);
                json.Put("config_data", ConfigData);
                json.Put("env", RequestFields.ObjectOf(OverrideEnvVars));
                return json;
            }
        }
    }
}
