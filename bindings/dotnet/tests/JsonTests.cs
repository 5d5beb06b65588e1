using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using NUnit.Framework;
using TemporalCapi.Json;

namespace TemporalCapi.Tests
{
    /// <summary>The in-box JSON reader, writer and converter.</summary>
    [TestFixture]
    public class JsonTests
    {
        [Test]
        public void ParsesEveryKindOfValue()
        {
            var value = (Dictionary<string, object>)JsonReader.Parse(
                " {\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\",\"i\":-42,\"big\":18446744073709551615,\"d\":1.5e3," +
                "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
            Assert.AreEqual("a\"b\\c\n\u00e9\U0001F600", value["s"]);
            Assert.AreEqual(-42L, value["i"]);
            Assert.AreEqual(18446744073709551615m, value["big"]);
            Assert.AreEqual(1500.0, value["d"]);
            Assert.AreEqual(true, value["t"]);
            Assert.AreEqual(false, value["f"]);
            Assert.IsNull(value["n"]);
            CollectionAssert.AreEqual(new object[] { 1L, new List<object>(), new Dictionary<string, object>() }, (List<object>)value["a"]);
            Assert.AreEqual("v", ((Dictionary<string, object>)value["o"])["k"]);
        }

        [TestCase("")]
        [TestCase("{")]
        [TestCase("[1,]")]
        [TestCase("{\"a\" 1}")]
        [TestCase("{'a':1}")]
        [TestCase("01")]
        [TestCase("1.")]
        [TestCase("-")]
        [TestCase("1e400")]
        [TestCase("\"\\x\"")]
        [TestCase("\"tab\there\"")]
        [TestCase("tru")]
        [TestCase("1 2")]
        [TestCase("NaN")]
        public void RejectsInvalidJson(string text)
        {
            Assert.Throws<FormatException>(() => JsonReader.Parse(text));
        }

        [Test]
        public void RejectsNestingBeyondTheLimit()
        {
            string deep = new string('[', JsonReader.MaxDepth + 2) + new string(']', JsonReader.MaxDepth + 2);
            Assert.Throws<FormatException>(() => JsonReader.Parse(deep));
        }

        [Test]
        public void WritesValuesCompactly()
        {
            var value = new Dictionary<string, object>
            {
                { "s", "q\"\\\n\t\u0001\u00e9" },
                { "n", null },
                { "b", true },
                { "i", 7 },
                { "l", long.MinValue },
                { "u", ulong.MaxValue },
                { "d", 0.1 },
                { "f", 1.5f },
                { "m", 1.25m },
                { "e", WorkflowExecutionStatus.Failed },
                { "c", 'x' },
                { "g", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
                { "list", new List<int> { 1, 2 } },
                { "raw", new RawJson(" {\"x\": [1, 2]} ") },
                { "time", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(5) },
                { "utc", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
            };
            Assert.AreEqual(
                "{\"s\":\"q\\\"\\\\\\n\\t\\u0001\u00e9\",\"n\":null,\"b\":true,\"i\":7,\"l\":-9223372036854775808," +
                "\"u\":18446744073709551615,\"d\":0.1,\"f\":1.5,\"m\":1.25,\"e\":3,\"c\":\"x\",\"g\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"list\":[1,2]," +
                "\"raw\":{\"x\": [1, 2]},\"time\":\"2024-05-06T07:08:09.0000005+02:00\",\"utc\":\"2024-01-02T03:04:05+00:00\"}",
                JsonWriter.Serialize(value));
        }

        [Test]
        public void WritesObjectsByTheirPublicMembers()
        {
            Assert.AreEqual("{\"Name\":\"n\",\"Count\":2}", JsonWriter.Serialize(new { Name = "n", Count = 2 }));
            var annotated = (Dictionary<string, object>)JsonReader.Parse(
                JsonWriter.Serialize(new Annotated { RunId = "r", Plain = 1, Hidden = 5 }));
            CollectionAssert.AreEquivalent(new[] { "run_id", "Plain", "Child", "Items" }, annotated.Keys);
            Assert.AreEqual("r", annotated["run_id"]);
            Assert.AreEqual(1L, annotated["Plain"]);
            Assert.AreEqual("{\"only\":\"yes\"}", JsonWriter.Serialize(new Contract { Only = "yes", NotMember = "no" }));
        }

        [Test]
        public void RejectsValuesJsonCannotHold()
        {
            Assert.Throws<ArgumentException>(() => JsonWriter.Serialize(double.NaN));
            Assert.Throws<ArgumentException>(() => JsonWriter.Serialize(float.PositiveInfinity));
            var cycle = new List<object>();
            cycle.Add(cycle);
            Assert.Throws<ArgumentException>(() => JsonWriter.Serialize(cycle));
        }

        [Test]
        public void RoundTripsThroughReaderAndWriter()
        {
            const string text = "{\"a\":[1,-2.5,\"x\",null,true,{\"b\":{}}],\"c\":12345678901234567890}";
            Assert.AreEqual(text, JsonWriter.Serialize(JsonReader.Parse(text)));
        }

        [Test]
        public void ConvertsToPrimitivesAndCollections()
        {
            Assert.AreEqual(5, JsonConverter.To<int>(5L));
            Assert.AreEqual(2.5, JsonConverter.To<double>(2.5));
            Assert.AreEqual(3.0, JsonConverter.To<double>(3L));
            Assert.AreEqual(7, JsonConverter.To<int>(7.0));
            Assert.AreEqual(null, JsonConverter.To<int?>(null));
            Assert.AreEqual(4, JsonConverter.To<int?>(4L));
            Assert.AreEqual(TimeSpan.FromMilliseconds(1500), JsonConverter.To<TimeSpan>(1.5));
            Assert.AreEqual(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), JsonConverter.To<Guid>("0f8fad5b-d9cb-469f-a165-70867728950e"));
            Assert.AreEqual(WorkflowExecutionStatus.ContinuedAsNew, JsonConverter.To<WorkflowExecutionStatus>("continued_as_new"));
            Assert.AreEqual(WorkflowExecutionStatus.Failed, JsonConverter.To<WorkflowExecutionStatus>(3L));
            Assert.AreEqual(
                new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567),
                JsonConverter.To<DateTime>("2024-01-02T04:04:05.123456789+01:00"));
            var parsed = JsonReader.Parse("{\"xs\":[1,2,3],\"m\":{\"a\":[\"b\"]}}");
            var members = (Dictionary<string, object>)parsed;
            CollectionAssert.AreEqual(new[] { 1, 2, 3 }, JsonConverter.To<int[]>(members["xs"]));
            CollectionAssert.AreEqual(new[] { 1L, 2L, 3L }, JsonConverter.To<IReadOnlyList<long>>(members["xs"]));
            Assert.AreEqual("b", JsonConverter.To<IDictionary<string, List<string>>>(members["m"])["a"][0]);
        }

        [Test]
        public void ConvertsToObjectsByMemberName()
        {
            var parsed = JsonReader.Parse(
                "{\"run_id\":\"r\",\"plain\":3,\"child\":{\"RunId\":\"c\"},\"items\":[{\"run_id\":\"i\"}],\"unknown\":1}");
            var value = JsonConverter.To<Annotated>(parsed);
            Assert.AreEqual("r", value.RunId);
            Assert.AreEqual(3, value.Plain);
            Assert.AreEqual("c", value.Child.RunId);
            Assert.AreEqual("i", value.Items[0].RunId);
        }

        [Test]
        public void RefusesMismatchedConversions()
        {
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<int>(null));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<int>("5"));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<int>(2.5));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<byte>(300L));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<string>(1L));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<List<int>>(new Dictionary<string, object>()));
            Assert.Throws<InvalidCastException>(() => JsonConverter.To<WorkflowExecutionStatus>("no_such_status"));
        }

        [Test]
        public void RawJsonKeepsTextAndConverts()
        {
            var raw = new RawJson(" [1, {\"a\": \"b\"}] ");
            Assert.AreEqual("[1, {\"a\": \"b\"}]", raw.Json);
            Assert.AreEqual(raw.Json, raw.ToString());
            Assert.AreEqual("b", ((Dictionary<string, object>)raw.ToValue<List<object>>()[1])["a"]);
            Assert.AreEqual(1L, raw.ToValue<List<object>>()[0]);
            Assert.AreEqual(RawJson.FromValue(new[] { 1, 2 }), new RawJson("[1,2]"));
            Assert.Throws<FormatException>(() => new RawJson("{nope}"));
            Assert.Throws<ArgumentNullException>(() => new RawJson(null));
        }

        /// <summary>A name from <see cref="DataMemberAttribute"/>, an ignored member, nested types.</summary>
        public class Annotated
        {
            [DataMember(Name = "run_id")]
            public string RunId { get; set; }

            public int Plain;

            [IgnoreDataMember]
            public int Hidden { get; set; }

            public Annotated Child { get; set; }

            public List<Annotated> Items { get; set; }
        }

        /// <summary>With a data contract only data members count.</summary>
        [DataContract]
        public class Contract
        {
            [DataMember(Name = "only")]
            public string Only { get; set; }

            public string NotMember { get; set; }
        }
    }
}
