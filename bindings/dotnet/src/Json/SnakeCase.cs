using System.Text;

namespace TemporalCapi.Json
{
    /// <summary>The snake_case JSON names of enum members (<c>AllowDuplicateFailedOnly</c> -> <c>allow_duplicate_failed_only</c>).</summary>
    internal static class SnakeCase
    {
        /// <summary>The snake_case form of a PascalCase name.</summary>
        internal static string Of(object value)
        {
            string name = value.ToString();
            var builder = new StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsUpper(c) && i > 0)
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            return builder.ToString();
        }
    }
}
