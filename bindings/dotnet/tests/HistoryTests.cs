using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Fetching histories: the whole history, pages, the close filter and long polls.</summary>
    [TestFixture]
    public class HistoryTests : ServerFixture
    {
        private const string Started = "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED";
        private const string Completed = "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED";
        private const string Signaled = "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED";

        [Test]
        public async Task FetchHistoryReturnsEveryEventOfACompletedRun()
        {
            var handle = await FinishedSignalWorkflowAsync();
            var history = await handle.FetchHistoryAsync();

            Assert.AreEqual(handle.Id, history.Id);
            var events = history.Events;
            Assert.AreEqual(Enumerable.Range(1, events.Count).Select(i => (long)i).ToArray(), events.Select(e => e.EventId).ToArray());
            Assert.AreEqual(Started, events[0].EventType);
            Assert.AreEqual(Completed, events[events.Count - 1].EventType);
            Assert.IsNotNull(events[0].EventTime);
            var started = events[0].Attributes.ToValue<Dictionary<string, object>>();
            Assert.AreEqual("WaitForSignal", ((Dictionary<string, object>)started["workflowType"])["name"]);
            Assert.AreEqual(handle.ResultRunId, started["originalExecutionRunId"]);
            var signals = events
                .Where(e => e.EventType == Signaled)
                .Select(e => e.Attributes.ToValue<Dictionary<string, object>>()["signalName"])
                .ToArray();
            Assert.AreEqual(new[] { "add", "finish" }, signals);

            string json = history.ToJson();
            var parsed = new RawJson(json).ToValue<Dictionary<string, List<RawJson>>>();
            Assert.AreEqual(new[] { "events" }, parsed.Keys.ToArray());
            Assert.AreEqual(events.Select(e => e.RawEvent).ToArray(), parsed["events"].ToArray());
            var again = WorkflowHistory.FromJson(handle.Id, json);
            Assert.AreEqual(json, again.ToJson());
            Assert.AreEqual(events.Count, again.Events.Count);
        }

        [Test]
        public async Task PagesEnumerationAndTheCloseFilterAgreeWithTheExport()
        {
            var handle = await FinishedSignalWorkflowAsync();
            var exported = (await handle.FetchHistoryAsync()).Events.Select(e => e.RawEvent).ToList();

            var pages = new List<List<RawJson>>();
            string token = null;
            var small = new WorkflowHistoryEventFetchOptions { PageSize = 2 };
            do
            {
                var page = await handle.FetchHistoryEventsPageAsync(token, small);
                pages.Add(page.Items.Select(e => e.RawEvent).ToList());
                token = page.NextPageToken;
            }
            while (token != null);
            Assert.Greater(pages.Count, 1, "page size 2 gives several pages");
            Assert.AreEqual(exported, pages.SelectMany(p => p).ToList());

            var enumerated = new List<RawJson>();
            var events = handle.FetchHistoryEventsAsync(new WorkflowHistoryEventFetchOptions { PageSize = 3 }).GetAsyncEnumerator();
            while (await events.MoveNextAsync())
            {
                enumerated.Add(events.Current.RawEvent);
            }
            Assert.AreEqual(exported, enumerated);

            var close = await handle.FetchHistoryEventsPageAsync(
                null, new WorkflowHistoryEventFetchOptions { EventFilterType = HistoryEventFilterType.CloseEvent });
            Assert.AreEqual(new[] { Completed }, close.Items.Select(e => e.EventType).ToArray());
            Assert.AreEqual(exported[exported.Count - 1], close.Items[0].RawEvent);
            Assert.IsNull(close.NextPageToken);
        }

        [Test]
        public async Task WaitNewEventLongPollsUntilTheRunCloses()
        {
            var handle = await StartAsync("WaitForSignal", "histwait");
            var waitForClose = handle.FetchHistoryEventsAsync(
                new WorkflowHistoryEventFetchOptions { WaitNewEvent = true, EventFilterType = HistoryEventFilterType.CloseEvent })
                .ToListAsync();
            var following = handle.FetchHistoryEventsAsync(new WorkflowHistoryEventFetchOptions { WaitNewEvent = true }).ToListAsync();
            await handle.QueryAsync<object>("state", null);
            Assert.IsFalse(waitForClose.IsCompleted, "no close event before the finish signal");
            await handle.SignalAsync("finish", TestEnvironment.Args(7));

            var close = await waitForClose;
            Assert.AreEqual(new[] { Completed }, close.Select(e => e.EventType).ToArray());
            var completed = close[0].Attributes.ToValue<Dictionary<string, object>>();
            Assert.IsNotEmpty((System.Collections.ICollection)((Dictionary<string, object>)completed["result"])["payloads"]);
            var followed = (await following).Select(e => e.RawEvent).ToList();
            var history = (await handle.FetchHistoryAsync()).Events.Select(e => e.RawEvent).ToList();
            Assert.AreEqual(history, followed, "following the history ends when the run closes");
        }

        [Test]
        public async Task UnknownWorkflowsAndBadArgumentsThrow()
        {
            var missing = Client.GetWorkflowHandle(TestEnvironment.NewId("nohist"));
            var export = await Expect.NotFoundAsync(() => missing.FetchHistoryAsync());
            Assert.AreEqual("not_found", export.ErrorCode);
            await Expect.NotFoundAsync(() => missing.FetchHistoryEventsPageAsync());
            await Expect.NotFoundAsync(() => missing.FetchHistoryEventsAsync().ToListAsync());

            var handle = await StartAsync("Echo", "histbad", "h");
            await handle.GetResultAsync();
            var token = await Expect.ThrowsAsync<InvalidArgumentException>(() => handle.FetchHistoryEventsPageAsync("%%%"));
            Assert.AreEqual("next_page_token", token.ParamName);
            await Expect.ThrowsAsync<System.ArgumentOutOfRangeException>(() => handle.FetchHistoryEventsPageAsync(
                null, new WorkflowHistoryEventFetchOptions { EventFilterType = (HistoryEventFilterType)9 }));
            Assert.Throws<System.FormatException>(() => WorkflowHistory.FromJson(handle.Id, "{\"events\": [1]}"));
        }

        private static async Task<WorkflowHandle> FinishedSignalWorkflowAsync()
        {
            var handle = await StartAsync("WaitForSignal", "hist");
            await handle.SignalAsync("add", TestEnvironment.Args(new Dictionary<string, int> { { "n", 1 } }));
            await FinishAsync<RawJson>(handle, "done");
            return handle;
        }
    }
}
