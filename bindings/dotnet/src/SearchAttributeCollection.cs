using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>An immutable set of typed search attribute values, one per name; build one with <see cref="Builder"/>.</summary>
    public sealed class SearchAttributeCollection
    {
        /// <summary>A collection without attributes.</summary>
        public static readonly SearchAttributeCollection Empty =
            new SearchAttributeCollection(new SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>>(StringComparer.Ordinal));

        private readonly SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>> values;

        private SearchAttributeCollection(SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>> values)
        {
            this.values = values;
        }

        /// <summary>The number of attributes.</summary>
        public int Count
        {
            get { return values.Count; }
        }

        /// <summary>Every attribute value by key.</summary>
        public IReadOnlyDictionary<SearchAttributeKey, object> UntypedValues
        {
            get
            {
                var result = new Dictionary<SearchAttributeKey, object>();
                foreach (var entry in values.Values)
                {
                    result[entry.Key] = entry.Value;
                }
                return result;
            }
        }

        /// <summary>Whether the collection has a value for this key (same name and type).</summary>
        public bool ContainsKey(SearchAttributeKey key)
        {
            KeyValuePair<SearchAttributeKey, object> entry;
            return key != null && values.TryGetValue(key.Name, out entry) && entry.Key.Equals(key);
        }

        /// <summary>The value of <paramref name="key"/>.</summary>
        /// <exception cref="KeyNotFoundException">There is no value for this key.</exception>
        public T Get<T>(SearchAttributeKey<T> key)
        {
            T value;
            if (!TryGetValue(key, out value))
            {
                throw new KeyNotFoundException("No search attribute " + key);
            }
            return value;
        }

        /// <summary>The value of <paramref name="key"/>, if present.</summary>
        public bool TryGetValue<T>(SearchAttributeKey<T> key, out T value)
        {
            KeyValuePair<SearchAttributeKey, object> entry;
            if (ContainsKey(key) && values.TryGetValue(key.Name, out entry))
            {
                value = (T)entry.Value;
                return true;
            }
            value = default(T);
            return false;
        }

        /// <summary>The request form: <c>{"Name": {"type": ..., "value": ...}}</c>.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>();
            foreach (var entry in values)
            {
                json[entry.Key] = new Dictionary<string, object>
                {
                    { "type", SnakeCase.Of(entry.Value.Key.ValueType) },
                    { "value", entry.Value.Value },
                };
            }
            return json;
        }

        /// <summary>Reads the response form; attributes of unknown types are skipped.</summary>
        internal static SearchAttributeCollection FromJson(Dictionary<string, object> json)
        {
            var builder = new Builder();
            if (json != null)
            {
                foreach (var entry in json)
                {
                    var typed = entry.Value as Dictionary<string, object>;
                    var valueType = typed.GetEnum("type", IndexedValueType.Unspecified);
                    builder.SetFromJson(entry.Key, valueType, typed.Get("value"));
                }
            }
            return builder.ToSearchAttributeCollection();
        }

        /// <summary>Collects values for a new <see cref="SearchAttributeCollection"/>.</summary>
        public sealed class Builder
        {
            private readonly SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>> values =
                new SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>>(StringComparer.Ordinal);

            /// <summary>Sets the value of <paramref name="key"/>, replacing any value of the same name.</summary>
            public Builder Set<T>(SearchAttributeKey<T> key, T value)
            {
                Require.NotNull(key, "key");
                return Put(key, value);
            }

            /// <summary>Removes the value named like <paramref name="key"/>.</summary>
            public Builder Unset(SearchAttributeKey key)
            {
                values.Remove(key.Name);
                return this;
            }

            /// <summary>The collection of the values set so far.</summary>
            public SearchAttributeCollection ToSearchAttributeCollection()
            {
                return new SearchAttributeCollection(
                    new SortedDictionary<string, KeyValuePair<SearchAttributeKey, object>>(values, StringComparer.Ordinal));
            }

            /// <summary>Sets a value read from JSON; a type this version does not know is skipped.</summary>
            internal void SetFromJson(string name, IndexedValueType valueType, object value)
            {
                var key = SearchAttributeKey.Of(name, valueType);
                if (key != null)
                {
                    Put(key, key.ValueFromJson(value));
                }
            }

            private Builder Put(SearchAttributeKey key, object value)
            {
                Require.NotNull(value, "value");
                values[key.Name] = new KeyValuePair<SearchAttributeKey, object>(key, value);
                return this;
            }
        }
    }
}
