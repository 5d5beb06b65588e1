using System.Collections.Generic;

namespace TemporalCapi
{
    /// <summary>One page of a listing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class Page<T>
    {
        /// <summary>A page of <paramref name="items"/> followed by <paramref name="nextPageToken"/>.</summary>
        public Page(IReadOnlyList<T> items, string nextPageToken)
        {
            Items = items ?? new T[0];
            NextPageToken = string.IsNullOrEmpty(nextPageToken) ? null : nextPageToken;
        }

        /// <summary>The items of this page, in server order.</summary>
        public IReadOnlyList<T> Items { get; private set; }

        /// <summary>Pass to the next page request; null on the last page.</summary>
        public string NextPageToken { get; private set; }
    }
}
