using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TemporalCapi
{
    /// <summary>
    /// A listing fetched from the server a page at a time, on demand.
    /// </summary>
    /// <remarks>
    /// With C# 8 or later, <c>await foreach (var item in pageable)</c> works
    /// through <see cref="GetAsyncEnumerator"/> on every target. Without it,
    /// call <see cref="AsyncPageEnumerator{T}.MoveNextAsync"/> in a loop, or
    /// page explicitly with <see cref="GetPageAsync"/>. Nothing is fetched
    /// until the first page is asked for; each enumeration starts again from
    /// the first page.
    /// </remarks>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class AsyncPageable<T>
    {
        private readonly Func<string, CancellationToken, Task<Page<T>>> fetch;

        internal AsyncPageable(Func<string, CancellationToken, Task<Page<T>>> fetch)
        {
            this.fetch = fetch;
        }

        /// <summary>Fetches the page that <paramref name="pageToken"/> names (null: the first page).</summary>
        /// <param name="pageToken">A <see cref="Page{T}.NextPageToken"/> of an earlier page, or null.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task<Page<T>> GetPageAsync(string pageToken = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            return fetch(pageToken, cancellationToken);
        }

        /// <summary>An enumerator over every item of every page, from the first.</summary>
        /// <param name="cancellationToken">Cancels the page requests made while enumerating.</param>
        public AsyncPageEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default(CancellationToken))
        {
            return new AsyncPageEnumerator<T>(fetch, cancellationToken);
        }

        /// <summary>Fetches every page and returns all items in order.</summary>
        /// <param name="cancellationToken">Cancels the page requests.</param>
        public async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            var items = new List<T>();
            var enumerator = GetAsyncEnumerator(cancellationToken);
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                items.Add(enumerator.Current);
            }
            return items;
        }
    }

    /// <summary>Walks the items of an <see cref="AsyncPageable{T}"/>, fetching pages as it goes.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class AsyncPageEnumerator<T>
    {
        private readonly Func<string, CancellationToken, Task<Page<T>>> fetch;
        private readonly CancellationToken cancellationToken;
        private Page<T> page;
        private int index;

        internal AsyncPageEnumerator(Func<string, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken)
        {
            this.fetch = fetch;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The item the last successful <see cref="MoveNextAsync"/> moved to.</summary>
        /// <exception cref="InvalidOperationException">Before the first or after the last item.</exception>
        public T Current
        {
            get
            {
                if (page == null || index < 0 || index >= page.Items.Count)
                {
                    throw new InvalidOperationException("The enumerator is not on an item");
                }
                return page.Items[index];
            }
        }

        /// <summary>Moves to the next item, fetching the next page when this one is used up.</summary>
        /// <returns>False once every page has been read.</returns>
        public async Task<bool> MoveNextAsync()
        {
            if (page == null)
            {
                page = await fetch(null, cancellationToken).ConfigureAwait(false);
                index = -1;
            }
            while (index + 1 >= page.Items.Count)
            {
                if (page.NextPageToken == null)
                {
                    index = page.Items.Count;
                    return false;
                }
                page = await fetch(page.NextPageToken, cancellationToken).ConfigureAwait(false);
                index = -1;
            }
            index++;
            return true;
        }
    }
}
