using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary><see cref="SearchAttributeKey"/> and <see cref="SearchAttributeCollection"/> on their own.</summary>
    [TestFixture]
    public class SearchAttributeTests
    {
        [Test]
        public void BuilderSetsReplacesAndUnsetsByName()
        {
            var keyword = SearchAttributeKey.CreateKeyword("A");
            var number = SearchAttributeKey.CreateLong("A");
            var flag = SearchAttributeKey.CreateBool("B");
            var builder = new SearchAttributeCollection.Builder().Set(keyword, "x").Set(flag, true);
            var collection = builder.Set(number, 5L).ToSearchAttributeCollection();
            Assert.AreEqual(2, collection.Count);
            Assert.IsFalse(collection.ContainsKey(keyword), "the long replaced the keyword of the same name");
            Assert.AreEqual(5L, collection.Get(number));
            Assert.Throws<KeyNotFoundException>(() => collection.Get(keyword));
            string missing;
            Assert.IsFalse(collection.TryGetValue(keyword, out missing));

            var fewer = builder.Unset(flag).ToSearchAttributeCollection();
            Assert.AreEqual(1, fewer.Count);
            Assert.AreEqual(2, collection.Count, "built collections do not change");
            CollectionAssert.AreEquivalent(
                new Dictionary<SearchAttributeKey, object> { { number, 5L }, { flag, true } }, collection.UntypedValues);
            Assert.AreEqual(0, SearchAttributeCollection.Empty.Count);
        }

        [Test]
        public void KeysCompareByNameAndType()
        {
            Assert.AreEqual(SearchAttributeKey.CreateText("T"), SearchAttributeKey.CreateText("T"));
            Assert.AreNotEqual(SearchAttributeKey.CreateText("T"), SearchAttributeKey.CreateKeyword("T"));
            Assert.AreEqual(IndexedValueType.KeywordList, SearchAttributeKey.CreateKeywordList("L").ValueType);
            Assert.AreEqual(IndexedValueType.Datetime, SearchAttributeKey.CreateDateTimeOffset("D").ValueType);
            Assert.AreEqual(IndexedValueType.Double, SearchAttributeKey.CreateDouble("F").ValueType);
            Assert.AreEqual("T (Text)", SearchAttributeKey.CreateText("T").ToString());
            Assert.Throws<ArgumentException>(() => SearchAttributeKey.CreateBool(""));
            Assert.Throws<ArgumentNullException>(
                () => new SearchAttributeCollection.Builder().Set(SearchAttributeKey.CreateText("T"), null));
        }

        [Test]
        public void RequestFormNamesTheType()
        {
            var collection = new SearchAttributeCollection.Builder()
                .Set(SearchAttributeKey.CreateKeywordList("L"), new[] { "a" })
                .Set(SearchAttributeKey.CreateDateTimeOffset("D"), new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))
                .ToSearchAttributeCollection();
            Assert.AreEqual(
                "{\"D\":{\"type\":\"datetime\",\"value\":\"2024-01-02T03:04:05+00:00\"},\"L\":{\"type\":\"keyword_list\",\"value\":[\"a\"]}}",
                RawJson.FromValue(collection.ToJson()).Json);
        }
    }
}
