using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Reading the run's history.</summary>
    public sealed partial class WorkflowHandle
    {
        /// <summary>The run's whole history as it is now (every page), addressing <see cref="RunId"/> (null: the latest run).</summary>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task<WorkflowHistory> FetchHistoryAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.Connection.CallAsync(
                NativeMethods.tc_workflow_export_history,
                Reference(RunId),
                response => new WorkflowHistory(Id, HistoryEvent.ListOf(response)),
                cancellationToken);
        }

        /// <summary>
        /// The run's history events, fetched a page at a time as they are
        /// enumerated. Without <see cref="WorkflowHistoryEventFetchOptions.WaitNewEvent"/>
        /// the enumeration ends at the current end of the history; with it,
        /// it follows the history until the run closes.
        /// </summary>
        /// <param name="options">Filter, long-poll and page size; null for every current event.</param>
        /// <exception cref="RpcException">(When fetching) the workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public AsyncPageable<HistoryEvent> FetchHistoryEventsAsync(WorkflowHistoryEventFetchOptions options = null)
        {
            return new AsyncPageable<HistoryEvent>(
                (token, cancellationToken) => FetchHistoryEventsPageAsync(token, options, cancellationToken));
        }

        /// <summary>One page of the run's history events.</summary>
        /// <param name="nextPageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page; null for the first.</param>
        /// <param name="options">Filter, long-poll and page size; null for every current event.</param>
        /// <param name="cancellationToken">Cancels the request (and a long poll).</param>
        /// <returns>The events; <see cref="Page{T}.NextPageToken"/> is null after the last page of the current history.</returns>
        /// <exception cref="RpcException">The workflow does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        /// <exception cref="InvalidArgumentException">A token that is not base64 or a non-positive page size.</exception>
        public Task<Page<HistoryEvent>> FetchHistoryEventsPageAsync(
            string nextPageToken = null,
            WorkflowHistoryEventFetchOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            options = options ?? new WorkflowHistoryEventFetchOptions();
            var request = Reference(RunId);
            request["event_filter"] = FilterName(options.EventFilterType);
            request["wait_new_event"] = options.WaitNewEvent;
            request["skip_archival"] = options.SkipArchival;
            request.Put("page_size", options.PageSize);
            return Client.Connection.CallPageAsync(
                NativeMethods.tc_workflow_fetch_history, request, nextPageToken, HistoryEvent.ListOf, cancellationToken);
        }

        private static string FilterName(HistoryEventFilterType filter)
        {
            switch (filter)
            {
                case HistoryEventFilterType.AllEvent:
                    return "all";
                case HistoryEventFilterType.CloseEvent:
                    return "close";
                default:
                    throw new System.ArgumentOutOfRangeException("options", filter, "Unknown HistoryEventFilterType");
            }
        }
    }
}
