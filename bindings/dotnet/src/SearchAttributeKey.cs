using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>A search attribute's name and type; create one with the <c>Create*</c> methods.</summary>
    public abstract class SearchAttributeKey : IEquatable<SearchAttributeKey>
    {
        /// <summary>The <c>Create*</c> method of each type, for keys read back from JSON.</summary>
        private static readonly Dictionary<IndexedValueType, Func<string, SearchAttributeKey>> Factories =
            new Dictionary<IndexedValueType, Func<string, SearchAttributeKey>>
            {
                { IndexedValueType.Text, CreateText },
                { IndexedValueType.Keyword, CreateKeyword },
                { IndexedValueType.Int, CreateLong },
                { IndexedValueType.Double, CreateDouble },
                { IndexedValueType.Bool, CreateBool },
                { IndexedValueType.Datetime, CreateDateTimeOffset },
                { IndexedValueType.KeywordList, CreateKeywordList },
            };

        internal SearchAttributeKey(string name, IndexedValueType valueType)
        {
            Require.NotEmpty(name, "name", "A search attribute needs a name");
            Name = name;
            ValueType = valueType;
        }

        /// <summary>The attribute name.</summary>
        public string Name { get; private set; }

        /// <summary>The attribute type.</summary>
        public IndexedValueType ValueType { get; private set; }

        /// <summary>A <see cref="IndexedValueType.Text"/> attribute.</summary>
        public static SearchAttributeKey<string> CreateText(string name)
        {
            return new SearchAttributeKey<string>(name, IndexedValueType.Text);
        }

        /// <summary>A <see cref="IndexedValueType.Keyword"/> attribute.</summary>
        public static SearchAttributeKey<string> CreateKeyword(string name)
        {
            return new SearchAttributeKey<string>(name, IndexedValueType.Keyword);
        }

        /// <summary>An <see cref="IndexedValueType.Int"/> attribute.</summary>
        public static SearchAttributeKey<long> CreateLong(string name)
        {
            return new SearchAttributeKey<long>(name, IndexedValueType.Int);
        }

        /// <summary>A <see cref="IndexedValueType.Double"/> attribute.</summary>
        public static SearchAttributeKey<double> CreateDouble(string name)
        {
            return new SearchAttributeKey<double>(name, IndexedValueType.Double);
        }

        /// <summary>A <see cref="IndexedValueType.Bool"/> attribute.</summary>
        public static SearchAttributeKey<bool> CreateBool(string name)
        {
            return new SearchAttributeKey<bool>(name, IndexedValueType.Bool);
        }

        /// <summary>A <see cref="IndexedValueType.Datetime"/> attribute.</summary>
        public static SearchAttributeKey<DateTimeOffset> CreateDateTimeOffset(string name)
        {
            return new SearchAttributeKey<DateTimeOffset>(name, IndexedValueType.Datetime);
        }

        /// <summary>A <see cref="IndexedValueType.KeywordList"/> attribute.</summary>
        public static SearchAttributeKey<IReadOnlyCollection<string>> CreateKeywordList(string name)
        {
            return new SearchAttributeKey<IReadOnlyCollection<string>>(name, IndexedValueType.KeywordList);
        }

        /// <summary>The key of <paramref name="name"/> and <paramref name="valueType"/>; null for a type this version does not know.</summary>
        internal static SearchAttributeKey Of(string name, IndexedValueType valueType)
        {
            Func<string, SearchAttributeKey> create;
            return Factories.TryGetValue(valueType, out create) ? create(name) : null;
        }

        /// <summary>Converts a JSON value (as parsed) to this key's value type.</summary>
        /// <exception cref="InvalidCastException">The value does not convert.</exception>
        internal abstract object ValueFromJson(object json);

        /// <summary>Whether name and type are equal.</summary>
        public bool Equals(SearchAttributeKey other)
        {
            return other != null && other.Name == Name && other.ValueType == ValueType;
        }

        /// <summary>Whether <paramref name="obj"/> is a key with equal name and type.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as SearchAttributeKey);
        }

        /// <summary>A hash of name and type.</summary>
        public override int GetHashCode()
        {
            return Name.GetHashCode() ^ (int)ValueType;
        }

        /// <summary>The name and type.</summary>
        public override string ToString()
        {
            return Name + " (" + ValueType + ")";
        }
    }

    /// <summary>A search attribute key whose values are <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The .NET type of the attribute's values.</typeparam>
    public sealed class SearchAttributeKey<T> : SearchAttributeKey
    {
        internal SearchAttributeKey(string name, IndexedValueType valueType)
            : base(name, valueType)
        {
        }

        /// <summary>Converts a JSON value (as parsed) to <typeparamref name="T"/>.</summary>
        internal override object ValueFromJson(object json)
        {
            return JsonConverter.To<T>(json);
        }
    }
}
