using System;
using System.Collections.Generic;

namespace TemporalCapi.Tests
{
    /// <summary>The custom search attributes the dev server registers, one of each type.</summary>
    internal static class DevServerAttributes
    {
        /// <summary>CustomKeyword.</summary>
        internal static readonly SearchAttributeKey<string> Keyword = SearchAttributeKey.CreateKeyword("CustomKeyword");

        /// <summary>CustomText.</summary>
        internal static readonly SearchAttributeKey<string> Text = SearchAttributeKey.CreateText("CustomText");

        /// <summary>CustomInt.</summary>
        internal static readonly SearchAttributeKey<long> Int = SearchAttributeKey.CreateLong("CustomInt");

        /// <summary>CustomDouble.</summary>
        internal static readonly SearchAttributeKey<double> Double = SearchAttributeKey.CreateDouble("CustomDouble");

        /// <summary>CustomBool.</summary>
        internal static readonly SearchAttributeKey<bool> Bool = SearchAttributeKey.CreateBool("CustomBool");

        /// <summary>CustomDatetime.</summary>
        internal static readonly SearchAttributeKey<DateTimeOffset> Datetime = SearchAttributeKey.CreateDateTimeOffset("CustomDatetime");

        /// <summary>CustomKeywordList.</summary>
        internal static readonly SearchAttributeKey<IReadOnlyCollection<string>> KeywordList =
            SearchAttributeKey.CreateKeywordList("CustomKeywordList");
    }
}
