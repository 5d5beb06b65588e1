namespace TemporalCapi
{
    /// <summary>An environment-configuration profile could not be loaded (missing profile, bad TOML, unreadable file).</summary>
    public class ConfigException : TemporalException
    {
        /// <summary>Creates the exception.</summary>
        public ConfigException(string message)
            : base(message)
        {
        }
    }
}
