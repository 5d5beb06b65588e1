using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace TemporalCapi.Json
{
    /// <summary>
    /// Turns a parsed JSON value (see <see cref="JsonReader"/>) into a typed .NET value.
    /// </summary>
    /// <remarks>
    /// Targets: <see cref="object"/> (the parsed value itself),
    /// <see cref="RawJson"/>, strings, <see cref="bool"/>, every numeric type
    /// (integers must be integral and in range), enums (by name, ignoring
    /// case and underscores, or by number), <see cref="Nullable{T}"/>,
    /// <see cref="DateTime"/> (UTC) and <see cref="DateTimeOffset"/> from
    /// RFC 3339 strings, <see cref="TimeSpan"/> from seconds,
    /// <see cref="Guid"/>, arrays, <see cref="List{T}"/> and the generic
    /// collection interfaces it implements, string-keyed dictionaries and
    /// their interfaces, and classes or structs with a parameterless
    /// constructor, whose public settable properties and fields are matched
    /// by JSON name (see <see cref="MemberNames"/>), then ignoring case and
    /// underscores; unmatched keys are ignored. Mismatches give
    /// <see cref="InvalidCastException"/>.
    /// </remarks>
    internal static class JsonConverter
    {
        /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
        internal static T To<T>(object value)
        {
            return (T)To(value, typeof(T));
        }

        /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>.</summary>
        internal static object To(object value, Type type)
        {
            if (type == typeof(object))
            {
                return value;
            }
            if (type == typeof(RawJson))
            {
                return RawJson.FromParsed(value);
            }
            var underlying = Nullable.GetUnderlyingType(type);
            if (value == null)
            {
                if (type.IsValueType && underlying == null)
                {
                    throw Mismatch(value, type);
                }
                return null;
            }
            return ToNonNull(value, underlying ?? type);
        }

        private static object ToNonNull(object value, Type type)
        {
            if (type == typeof(string))
            {
                return Expect<string>(value, type);
            }
            if (type == typeof(bool))
            {
                return Expect<bool>(value, type);
            }
            if (type.IsEnum)
            {
                return ToEnum(value, type);
            }
            if (type.IsPrimitive || type == typeof(decimal))
            {
                return ToNumber(value, type);
            }
            if (type == typeof(DateTimeOffset))
            {
                return Rfc3339.Parse(Expect<string>(value, type));
            }
            if (type == typeof(DateTime))
            {
                return Rfc3339.Parse(Expect<string>(value, type)).UtcDateTime;
            }
            if (type == typeof(TimeSpan))
            {
                return TimeSpan.FromTicks(checked((long)Math.Round((double)ToNumber(value, typeof(double)) * TimeSpan.TicksPerSecond)));
            }
            if (type == typeof(Guid))
            {
                return new Guid(Expect<string>(value, type));
            }
            if (type.IsArray && type.GetArrayRank() == 1)
            {
                return ToArray(Expect<List<object>>(value, type), type.GetElementType());
            }
            var dictionaryValue = DictionaryValueType(type);
            if (dictionaryValue != null)
            {
                return ToDictionary(Expect<Dictionary<string, object>>(value, type), dictionaryValue);
            }
            var element = ListElementType(type);
            if (element != null)
            {
                return ToList(Expect<List<object>>(value, type), element);
            }
            return ToObject(Expect<Dictionary<string, object>>(value, type), type);
        }

        private static T Expect<T>(object value, Type target)
        {
            if (!(value is T))
            {
                throw Mismatch(value, target);
            }
            return (T)value;
        }

        private static object ToEnum(object value, Type type)
        {
            var name = value as string;
            if (name == null)
            {
                return Enum.ToObject(type, ToNumber(value, Enum.GetUnderlyingType(type)));
            }
            string wanted = Squash(name);
            foreach (var candidate in Enum.GetNames(type))
            {
                if (Squash(candidate) == wanted)
                {
                    return Enum.Parse(type, candidate);
                }
            }
            throw Mismatch(value, type);
        }

        private static object ToNumber(object value, Type type)
        {
            if (!(value is long || value is decimal || value is double))
            {
                throw Mismatch(value, type);
            }
            bool integral = type != typeof(double) && type != typeof(float) && type != typeof(decimal);
            if (integral && value is double && Math.Floor((double)value) != (double)value)
            {
                throw Mismatch(value, type);
            }
            try
            {
                return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            }
            catch (OverflowException e)
            {
                throw new InvalidCastException("JSON number " + value + " does not fit " + type, e);
            }
        }

        private static Array ToArray(List<object> items, Type element)
        {
            var result = Array.CreateInstance(element, items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                result.SetValue(To(items[i], element), i);
            }
            return result;
        }

        private static IList ToList(List<object> items, Type element)
        {
            var result = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element));
            foreach (var item in items)
            {
                result.Add(To(item, element));
            }
            return result;
        }

        private static IDictionary ToDictionary(Dictionary<string, object> members, Type valueType)
        {
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType));
            foreach (var member in members)
            {
                result[member.Key] = To(member.Value, valueType);
            }
            return result;
        }

        /// <summary>The element type when <see cref="List{T}"/> of it can be assigned to <paramref name="type"/>.</summary>
        private static Type ListElementType(Type type)
        {
            if (!type.IsGenericType || type.GetGenericArguments().Length != 1)
            {
                return null;
            }
            var element = type.GetGenericArguments()[0];
            return type.IsAssignableFrom(typeof(List<>).MakeGenericType(element)) ? element : null;
        }

        /// <summary>The value type when a string-keyed <see cref="Dictionary{TKey,TValue}"/> can be assigned to <paramref name="type"/>.</summary>
        private static Type DictionaryValueType(Type type)
        {
            if (!type.IsGenericType || type.GetGenericArguments().Length != 2 || type.GetGenericArguments()[0] != typeof(string))
            {
                return null;
            }
            var valueType = type.GetGenericArguments()[1];
            return type.IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType)) ? valueType : null;
        }

        private static object ToObject(Dictionary<string, object> members, Type type)
        {
            if (!type.IsValueType && type.GetConstructor(Type.EmptyTypes) == null)
            {
                throw new InvalidCastException("Cannot create " + type + " from JSON: it has no public parameterless constructor");
            }
            object result = Activator.CreateInstance(type);
            var targets = Settable(type);
            foreach (var member in members)
            {
                MemberInfo target;
                if (targets.TryGetValue(member.Key, out target) || targets.TryGetValue(Squash(member.Key), out target))
                {
                    var property = target as PropertyInfo;
                    if (property != null)
                    {
                        property.SetValue(result, To(member.Value, property.PropertyType), null);
                    }
                    else
                    {
                        var field = (FieldInfo)target;
                        field.SetValue(result, To(member.Value, field.FieldType));
                    }
                }
            }
            return result;
        }

        /// <summary>Settable members by exact JSON name and by squashed name.</summary>
        private static Dictionary<string, MemberInfo> Settable(Type type)
        {
            bool contract = type.GetCustomAttributes(typeof(DataContractAttribute), true).Length > 0;
            var exact = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
            var loose = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
            {
                var property = member as PropertyInfo;
                var field = member as FieldInfo;
                bool settable = (property != null && property.GetSetMethod() != null && property.GetIndexParameters().Length == 0)
                    || (field != null && !field.IsInitOnly);
                string name = settable ? MemberNames.Of(member, contract) : null;
                if (name != null)
                {
                    exact[name] = member;
                    loose[Squash(name)] = member;
                }
            }
            foreach (var entry in loose)
            {
                if (!exact.ContainsKey(entry.Key))
                {
                    exact[entry.Key] = entry.Value;
                }
            }
            return exact;
        }

        /// <summary>Lower case without underscores: <c>run_id</c>, <c>RunId</c> and <c>runId</c> agree.</summary>
        private static string Squash(string name)
        {
            return name.Replace("_", string.Empty).ToLowerInvariant();
        }

        private static InvalidCastException Mismatch(object value, Type type)
        {
            string shown = value == null ? "null" : value.GetType().Name + " " + JsonWriter.Serialize(value);
            if (shown.Length > 200)
            {
                shown = shown.Substring(0, 200) + "...";
            }
            return new InvalidCastException("Cannot convert JSON " + shown + " to " + type);
        }
    }
}
