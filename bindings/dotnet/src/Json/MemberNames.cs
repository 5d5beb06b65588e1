using System.Reflection;
using System.Runtime.Serialization;

namespace TemporalCapi.Json
{
    /// <summary>How object members are named in JSON.</summary>
    internal static class MemberNames
    {
        /// <summary>
        /// The JSON name of a property or field, or null when it is not
        /// serialized: <see cref="DataMemberAttribute.Name"/> when set, else
        /// the member name; members with <see cref="IgnoreDataMemberAttribute"/>
        /// are skipped, and so are members without <see cref="DataMemberAttribute"/>
        /// when <paramref name="dataContract"/> (the type has <see cref="DataContractAttribute"/>).
        /// </summary>
        internal static string Of(MemberInfo member, bool dataContract)
        {
            if (member.GetCustomAttributes(typeof(IgnoreDataMemberAttribute), true).Length > 0)
            {
                return null;
            }
            var attributes = member.GetCustomAttributes(typeof(DataMemberAttribute), true);
            if (attributes.Length == 0)
            {
                return dataContract ? null : member.Name;
            }
            var name = ((DataMemberAttribute)attributes[0]).Name;
            return string.IsNullOrEmpty(name) ? member.Name : name;
        }
    }
}
