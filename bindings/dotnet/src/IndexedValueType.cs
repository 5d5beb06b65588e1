namespace TemporalCapi
{
    /// <summary>The type of a search attribute.</summary>
    public enum IndexedValueType
    {
        /// <summary>Unknown.</summary>
        Unspecified = 0,
        /// <summary>Full-text string (<see cref="string"/>).</summary>
        Text = 1,
        /// <summary>Exact-match string (<see cref="string"/>).</summary>
        Keyword = 2,
        /// <summary>64-bit integer (<see cref="long"/>).</summary>
        Int = 3,
        /// <summary>Floating point (<see cref="double"/>).</summary>
        Double = 4,
        /// <summary>Boolean (<see cref="bool"/>).</summary>
        Bool = 5,
        /// <summary>Timestamp (<see cref="System.DateTimeOffset"/>).</summary>
        Datetime = 6,
        /// <summary>List of exact-match strings (<see cref="System.Collections.Generic.IReadOnlyCollection{T}"/> of string).</summary>
        KeywordList = 7,
    }
}
