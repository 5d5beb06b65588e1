using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Listing and counting workflows: 250 completed Echo runs and one running Forever run under one id prefix.</summary>
    [TestFixture]
    public class VisibilityTests : ServerFixture
    {
        private const int Many = 250;
        private string prefix;
        private string completedQuery;
        private HashSet<string> completedIds;
        private WorkflowHandle running;

        [TestFixtureSetUp]
        public void StartWorkflows()
        {
            StartWorkflowsAsync().GetAwaiter().GetResult();
        }

        [TestFixtureTearDown]
        public void TerminateTheRunningOne()
        {
            if (running != null)
            {
                running.TerminateAsync("visibility tests done").GetAwaiter().GetResult();
            }
        }

        [Test]
        public async Task ListingInPagesOf100ReturnsEachExactlyOnce()
        {
            var sizes = new List<int>();
            var paged = new List<string>();
            string token = null;
            do
            {
                var page = await Client.ListWorkflowsPageAsync(completedQuery, 100, token);
                sizes.Add(page.Items.Count);
                paged.AddRange(page.Items.Select(e => e.Id));
                token = page.NextPageToken;
            }
            while (token != null);
            Assert.AreEqual(new[] { 100, 100, 50 }, sizes.Take(3).ToArray());
            Assert.AreEqual(Many, sizes.Sum());

            var enumerated = new List<string>();
            var rows = Client.ListWorkflowsAsync(completedQuery, new WorkflowListOptions { PageSize = 100 }).GetAsyncEnumerator();
            while (await rows.MoveNextAsync())
            {
                Assert.AreEqual("Echo", rows.Current.WorkflowType);
                Assert.AreEqual(WorkflowExecutionStatus.Completed, rows.Current.Status);
                enumerated.Add(rows.Current.Id);
            }

            var pageable = Client.ListWorkflowsAsync(completedQuery, new WorkflowListOptions { PageSize = 100 });
            var first = await pageable.GetPageAsync();
            var second = await pageable.GetPageAsync(first.NextPageToken);
            Assert.AreEqual(100, first.Items.Count);
            Assert.AreEqual(100, second.Items.Count);
            Assert.IsEmpty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)).ToList());

            foreach (var listing in new[] { paged, enumerated, (await pageable.ToListAsync()).Select(e => e.Id).ToList() })
            {
                Assert.AreEqual(Many, listing.Count);
                CollectionAssert.AreEquivalent(completedIds, listing, "each workflow exactly once");
            }
        }

        [Test]
        public async Task CountGroupsByExecutionStatus()
        {
            var plain = await Client.CountWorkflowsAsync(completedQuery);
            Assert.AreEqual(Many, plain.Count);
            Assert.IsEmpty(plain.Groups);

            var grouped = await Client.CountWorkflowsAsync(PrefixQuery + " GROUP BY ExecutionStatus");
            Assert.AreEqual(Many + 1, grouped.Count);
            var groups = grouped.Groups
                .Select(g => string.Join(",", g.GroupValues) + "=" + g.Count)
                .OrderBy(g => g)
                .ToArray();
            Assert.AreEqual(new[] { "Completed=" + Many, "Running=1" }, groups);
        }

        [Test]
        public async Task RowsCarryTheExecutionFields()
        {
            var tag = TestEnvironment.NewId("rowtag");
            var options = TestEnvironment.Options("row");
            options.Memo = new Dictionary<string, object> { { "m", new[] { 1 } } };
            options.TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Keyword, tag).ToSearchAttributeCollection();
            var handle = await Client.StartWorkflowAsync("WaitForSignal", null, options);
            string query = "WorkflowId = '" + options.Id + "'";

            var open = await Eventually.Holds(async () =>
            {
                var page = await Client.ListWorkflowsPageAsync(query);
                Assert.AreEqual(1, page.Items.Count);
                Assert.AreEqual(WorkflowExecutionStatus.Running, page.Items[0].Status);
                return page.Items[0];
            });
            Assert.IsNull(open.CloseTime);
            await FinishAsync<RawJson>(handle, "done");

            var row = await Eventually.Holds(async () =>
            {
                var rows = await Client.ListWorkflowsAsync(query).ToListAsync();
                Assert.AreEqual(1, rows.Count);
                Assert.AreEqual(WorkflowExecutionStatus.Completed, rows[0].Status);
                return rows[0];
            });
            Assert.AreEqual(options.Id, row.Id);
            Assert.AreEqual(handle.ResultRunId, row.RunId);
            Assert.AreEqual("WaitForSignal", row.WorkflowType);
            Assert.AreEqual(TestEnvironment.TaskQueue, row.TaskQueue);
            Assert.GreaterOrEqual(row.CloseTime.Value, row.StartTime.Value);
            Assert.IsNotNull(row.ExecutionTime);
            Assert.Greater(row.HistoryLength, 0);
            Assert.AreEqual("[1]", row.Memo["m"].Json);
            Assert.AreEqual(tag, row.TypedSearchAttributes.Get(DevServerAttributes.Keyword));
            Assert.IsNull(row.ParentId);
            Assert.AreEqual(options.Id, row.RawInfo.ToValue<Dictionary<string, object>>()["workflow_id"]);

            var description = await handle.DescribeAsync();
            Assert.IsInstanceOf<WorkflowExecution>(description);
            Assert.AreEqual(row.RunId, description.RunId);
            Assert.AreSame(description.RawInfo, description.RawDescription);
        }

        [Test]
        public async Task MalformedQueriesAndBadPagingThrow()
        {
            var list = await Expect.ThrowsAsync<RpcException>(() => Client.ListWorkflowsPageAsync("WorkflowType = = 'x'"));
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, list.Code);
            Assert.AreEqual("invalid_argument", list.ErrorCode);
            var count = await Expect.ThrowsAsync<RpcException>(() => Client.CountWorkflowsAsync("ExecutionStatus ((("));
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, count.Code);
            var pageable = Client.ListWorkflowsAsync("no such syntax ===");
            var enumerated = await Expect.ThrowsAsync<RpcException>(() => pageable.GetAsyncEnumerator().MoveNextAsync());
            Assert.AreEqual(RpcException.StatusCode.InvalidArgument, enumerated.Code);

            var size = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Client.ListWorkflowsAsync(null, new WorkflowListOptions { PageSize = 0 }).GetPageAsync());
            Assert.AreEqual("page_size", size.ParamName);
            var token = await Expect.ThrowsAsync<InvalidArgumentException>(() => Client.ListWorkflowsPageAsync(null, null, "!not base64!"));
            Assert.AreEqual("next_page_token", token.ParamName);
        }

        [Test]
        public async Task AnEmptyResultIsOneEmptyPage()
        {
            string query = "WorkflowId = '" + TestEnvironment.NewId("nothing") + "'";
            var page = await Client.ListWorkflowsPageAsync(query);
            Assert.IsEmpty(page.Items);
            Assert.IsNull(page.NextPageToken);
            Assert.IsEmpty(await Client.ListWorkflowsAsync(query).ToListAsync());
            Assert.AreEqual(0, (await Client.CountWorkflowsAsync(query)).Count);
        }

        private string PrefixQuery
        {
            get { return "WorkflowId STARTS_WITH '" + prefix + "-'"; }
        }

        private async Task StartWorkflowsAsync()
        {
            prefix = TestEnvironment.NewId("list");
            completedQuery = PrefixQuery + " AND ExecutionStatus = 'Completed'";
            var handles = await Task.WhenAll(Enumerable.Range(0, Many).Select(i => Client.StartWorkflowAsync(
                "Echo", TestEnvironment.Args(i), new WorkflowOptions(prefix + "-" + i, TestEnvironment.TaskQueue))));
            var results = await Task.WhenAll(handles.Select(h => h.GetResultAsync<int>()));
            Assert.AreEqual(Enumerable.Range(0, Many).ToArray(), results);
            completedIds = new HashSet<string>(handles.Select(h => h.Id));
            running = await Client.StartWorkflowAsync("Forever", null, new WorkflowOptions(prefix + "-running", TestEnvironment.TaskQueue));
            await Eventually.Holds(async () =>
            {
                Assert.AreEqual(Many, (await Client.CountWorkflowsAsync(completedQuery)).Count);
                Assert.AreEqual(1, (await Client.CountWorkflowsAsync(PrefixQuery + " AND ExecutionStatus = 'Running'")).Count);
                return true;
            });
        }
    }
}
