using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Listing and counting workflows (visibility).</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>
        /// Every workflow run matching a visibility query, fetched a page at
        /// a time as it is enumerated (nothing is fetched before).
        /// </summary>
        /// <remarks>
        /// Visibility is eventually consistent: a run just started or closed
        /// may be listed late or with its old status. A malformed query
        /// surfaces when the first page is fetched.
        /// </remarks>
        /// <param name="query">
        /// Visibility syntax, e.g. <c>WorkflowType = 'Echo' AND ExecutionStatus = 'Running'</c>;
        /// null or empty for every workflow of the namespace.
        /// </param>
        /// <param name="options">The page size; null for the server's default.</param>
        /// <exception cref="RpcException">(When fetching) a malformed query (<see cref="RpcException.StatusCode.InvalidArgument"/>).</exception>
        /// <exception cref="InvalidArgumentException">(When fetching) a non-positive page size.</exception>
        public AsyncPageable<WorkflowExecution> ListWorkflowsAsync(string query, WorkflowListOptions options = null)
        {
            int? pageSize = options == null ? null : options.PageSize;
            return new AsyncPageable<WorkflowExecution>(
                (token, cancellationToken) => ListWorkflowsPageAsync(query, pageSize, token, cancellationToken));
        }

        /// <summary>One page of the workflow runs matching a visibility query.</summary>
        /// <param name="query">As for <see cref="ListWorkflowsAsync"/>; null or empty for every workflow.</param>
        /// <param name="pageSize">Rows per page; null for the server's default.</param>
        /// <param name="nextPageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page; null for the first.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">A malformed query (<see cref="RpcException.StatusCode.InvalidArgument"/>).</exception>
        /// <exception cref="InvalidArgumentException">A non-positive page size or a token that is not base64.</exception>
        public Task<Page<WorkflowExecution>> ListWorkflowsPageAsync(
            string query,
            int? pageSize = null,
            string nextPageToken = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = new Dictionary<string, object>();
            request.Put("query", string.IsNullOrEmpty(query) ? null : query);
            request.Put("page_size", pageSize);
            return Connection.CallPageAsync(
                NativeMethods.tc_workflow_list, request, nextPageToken, response => Rows(response, "executions"), cancellationToken);
        }

        /// <summary>Counts the workflow runs matching a visibility query.</summary>
        /// <param name="query">
        /// As for <see cref="ListWorkflowsAsync"/>; ending it in <c>GROUP BY ExecutionStatus</c>
        /// also reports one <see cref="WorkflowExecutionCount.Groups">group</see> per status.
        /// </param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">A malformed query (<see cref="RpcException.StatusCode.InvalidArgument"/>).</exception>
        public Task<WorkflowExecutionCount> CountWorkflowsAsync(
            string query, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = new Dictionary<string, object>();
            request.Put("query", string.IsNullOrEmpty(query) ? null : query);
            return Connection.CallAsync(
                NativeMethods.tc_workflow_count, request, response => new WorkflowExecutionCount(response), cancellationToken);
        }

        /// <summary>The list rows (docs/JSON.md <c>tc_workflow_list</c>) under <paramref name="key"/>.</summary>
        internal static List<WorkflowExecution> Rows(Dictionary<string, object> response, string key)
        {
            return response.GetList(key).ConvertAll(row => new WorkflowExecution((Dictionary<string, object>)row));
        }
    }
}
