using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Schedules;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Creating, describing, updating, listing and deleting schedules against
    /// the dev server (ScheduleActionTests covers the scheduler acting).
    /// </summary>
    [TestFixture]
    public class ScheduleTests : ScheduleFixture
    {

        [Test]
        public async Task EveryFieldRoundTripsThroughCreateAndDescribe()
        {
            var options = TestEnvironment.OptionsWithTimeoutsAndRetry("sched-spec-wf");
            options.Memo = new Dictionary<string, object> { { "wf", "memo" } };
            options.TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Keyword, "wf-kw").ToSearchAttributeCollection();
            options.StaticSummary = "a summary";
            options.StaticDetails = "details";
            var action = new ScheduleActionStartWorkflow(
                "Echo",
                TestEnvironment.Args(new Dictionary<string, object> { { "a", new[] { 1, 2 } } }, null),
                options,
                new Dictionary<string, object> { { "trace", "abc" } });
            var start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var spec = new ScheduleSpec
            {
                Intervals = new[]
                {
                    new ScheduleIntervalSpec(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
                    new ScheduleIntervalSpec(TimeSpan.FromSeconds(90)),
                },
                Calendars = new[]
                {
                    new ScheduleCalendarSpec
                    {
                        Second = new[] { new ScheduleRange(0), new ScheduleRange(30) },
                        Minute = new[] { new ScheduleRange(15) },
                        Hour = new[] { new ScheduleRange(9, 17, 2) },
                        DayOfMonth = new[] { new ScheduleRange(1, 15) },
                        Month = new[] { new ScheduleRange(3, 9, 3) },
                        Year = new[] { new ScheduleRange(2030, 2032) },
                        DayOfWeek = new[] { new ScheduleRange(1, 5) },
                        Comment = "office hours",
                    },
                },
                Skip = new[] { new ScheduleCalendarSpec { Month = new[] { new ScheduleRange(12) }, DayOfMonth = new[] { new ScheduleRange(25) } } },
                StartAt = start,
                EndAt = start.AddYears(1),
                Jitter = TimeSpan.FromSeconds(2),
                TimeZoneName = "Europe/Berlin",
            };
            var schedule = new Schedule(action, spec)
            {
                Policy = new SchedulePolicy
                {
                    Overlap = ScheduleOverlapPolicy.BufferOne,
                    CatchupWindow = TimeSpan.FromMinutes(5),
                    PauseOnFailure = true,
                    KeepOriginalWorkflowId = true,
                },
                State = new ScheduleState { Note = "created paused", Paused = true, LimitedActions = true, RemainingActions = 7 },
            };
            var id = NewScheduleId("sched-spec");
            var handle = await Client.CreateScheduleAsync(id, schedule, new ScheduleOptions
            {
                Memo = new Dictionary<string, object> { { "owner", "team-a" } },
                TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Int, 42L).ToSearchAttributeCollection(),
            });
            Assert.AreEqual(id, handle.Id);

            var described = await handle.DescribeAsync();
            Assert.AreEqual(id, described.Id);
            Assert.AreEqual(SectionsJson(schedule), SectionsJson(described.Schedule));
            var readAction = (ScheduleActionStartWorkflow)described.Schedule.Action;
            Assert.AreEqual("Echo", readAction.Workflow);
            Assert.AreEqual(options.Id, readAction.Options.Id);
            Assert.AreEqual(TestEnvironment.TaskQueue, readAction.Options.TaskQueue);
            Assert.AreEqual(TimeSpan.FromMinutes(30), readAction.Options.RunTimeout);
            Assert.AreEqual(3F, readAction.Options.RetryPolicy.BackoffCoefficient);
            Assert.AreEqual(new[] { "Fatal" }, readAction.Options.RetryPolicy.NonRetryableErrorTypes);
            Assert.AreEqual("wf-kw", readAction.Options.TypedSearchAttributes.Get(DevServerAttributes.Keyword));
            Assert.AreEqual("{\"a\":[1,2]}", ((RawJson)readAction.Args.First()).Json);
            Assert.AreEqual(new RawJson("\"abc\""), readAction.Headers["trace"]);
            var readSpec = described.Schedule.Spec;
            Assert.AreEqual(new ScheduleRange(9, 17, 2), readSpec.Calendars[0].Hour[0]);
            Assert.AreEqual("office hours", readSpec.Calendars[0].Comment);
            Assert.AreEqual(TimeSpan.FromMinutes(5), readSpec.Intervals[0].Offset);
            Assert.IsNull(readSpec.Intervals[1].Offset);
            Assert.AreEqual(start, readSpec.StartAt);
            Assert.AreEqual(DateTimeKind.Utc, readSpec.StartAt.Value.Kind);
            Assert.AreEqual(TimeSpan.FromSeconds(2), readSpec.Jitter);
            Assert.AreEqual("Europe/Berlin", readSpec.TimeZoneName);
            Assert.AreEqual(ScheduleOverlapPolicy.BufferOne, described.Schedule.Policy.Overlap);
            Assert.AreEqual(7, described.Schedule.State.RemainingActions);
            Assert.AreEqual("{\"owner\":\"team-a\"}", RawJson.FromValue(described.Memo).Json);
            Assert.AreEqual(42L, described.TypedSearchAttributes.Get(DevServerAttributes.Int));
            var info = described.Info;
            Assert.AreEqual(0, info.NumActions);
            Assert.IsEmpty(info.RecentActions);
            Assert.IsEmpty(info.RunningActions);
            Assert.Greater(info.CreatedAt, DateTime.UtcNow.AddHours(-1));
            Assert.IsNull(info.LastUpdatedAt);
            Assert.IsNotEmpty(info.NextActionTimes, "upcoming times are reported while paused");
            Assert.GreaterOrEqual(info.NextActionTimes[0], start);
            Assert.IsNotEmpty(described.ConflictToken);
        }

        [Test]
        public async Task AMinimalScheduleReadsBackWithTheDefaults()
        {
            var schedule = new Schedule(Echo(1), new ScheduleSpec());
            var handle = await Client.CreateScheduleAsync(NewScheduleId("sched-min"), schedule);

            var described = await handle.DescribeAsync();
            Assert.AreEqual(SectionsJson(schedule), SectionsJson(described.Schedule));
            Assert.AreEqual(ScheduleOverlapPolicy.Skip, described.Schedule.Policy.Overlap);
            Assert.AreEqual(TimeSpan.FromDays(365), described.Schedule.Policy.CatchupWindow);
            Assert.IsFalse(described.Schedule.State.LimitedActions);
            Assert.IsNull(described.Schedule.State.Note);
            Assert.IsNull(described.Schedule.Spec.Jitter);
            Assert.IsNull(described.Schedule.Spec.TimeZoneName);
            var action = (ScheduleActionStartWorkflow)described.Schedule.Action;
            Assert.IsNull(action.Options.RetryPolicy);
            Assert.IsNull(action.Options.Memo);
            Assert.IsNull(action.Headers);
            Assert.IsEmpty(described.Info.NextActionTimes);
            Assert.IsEmpty(described.Memo);
            Assert.AreEqual(0, described.TypedSearchAttributes.Count);
        }

        [Test]
        public async Task CronStringsReadBackAsCalendars()
        {
            var given = new ScheduleCalendarSpec { Minute = new[] { new ScheduleRange(0, 45, 15) }, Hour = new[] { new ScheduleRange(6) } };
            var spec = new ScheduleSpec { Calendars = new[] { given }, CronExpressions = new[] { "0 12 * * MON-FRI" } };
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-cron"),
                new Schedule(Echo("c"), spec) { State = Paused() });

            var described = (await handle.DescribeAsync()).Schedule.Spec;
            Assert.IsEmpty(described.CronExpressions);
            var noon = new ScheduleCalendarSpec { Hour = new[] { new ScheduleRange(12) }, DayOfWeek = new[] { new ScheduleRange(1, 5) } };
            var expected = new ScheduleSpec { Calendars = new[] { given, noon } };
            Assert.AreEqual(SpecJson(expected), SpecJson(described));
        }

        [Test]
        public async Task UpdateReplacesSpecPolicyStateAndAction()
        {
            var schedule = new Schedule(
                Echo("v1"),
                new ScheduleSpec { Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.FromHours(1)) } })
            {
                State = Paused("v1"),
            };
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-update"),
                schedule,
                new ScheduleOptions { TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Keyword, "before").ToSearchAttributeCollection() });
            var before = await handle.DescribeAsync();
            var newSpec = new ScheduleSpec
            {
                Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10)) },
                Calendars = new[] { new ScheduleCalendarSpec { Hour = new[] { new ScheduleRange(3) }, Comment = "nightly" } },
                TimeZoneName = "UTC",
            };

            await handle.UpdateAsync(input =>
            {
                var edited = input.Description.Schedule;
                edited.Spec = newSpec;
                edited.State = new ScheduleState { Note = "v2", Paused = true, RemainingActions = 3 };
                edited.Policy.Overlap = ScheduleOverlapPolicy.AllowAll;
                edited.Policy.CatchupWindow = TimeSpan.FromMinutes(1);
                return new ScheduleUpdate(edited)
                {
                    TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Keyword, "after").ToSearchAttributeCollection(),
                };
            });
            var updated = await WaitForAsync(
                handle,
                "the update",
                d => d.Schedule.State.Note == "v2" && d.TypedSearchAttributes.ContainsKey(DevServerAttributes.Keyword) && d.TypedSearchAttributes.Get(DevServerAttributes.Keyword) == "after");
            Assert.AreEqual(SpecJson(newSpec), SpecJson(updated.Schedule.Spec));
            Assert.IsTrue(updated.Schedule.State.Paused);
            Assert.IsTrue(updated.Schedule.State.LimitedActions);
            Assert.AreEqual(3, updated.Schedule.State.RemainingActions);
            Assert.AreEqual(ScheduleOverlapPolicy.AllowAll, updated.Schedule.Policy.Overlap);
            Assert.AreEqual(TimeSpan.FromMinutes(1), updated.Schedule.Policy.CatchupWindow);
            Assert.AreEqual(
                ActionJson(before.Schedule), ActionJson(updated.Schedule), "the action read back was sent back unchanged");
            Assert.AreNotEqual(before.ConflictToken, updated.ConflictToken);
            Assert.IsNotNull(updated.Info.LastUpdatedAt);

            // An asynchronous updater replacing the action's arguments.
            await handle.UpdateAsync(async input =>
            {
                await Task.Yield();
                ((ScheduleActionStartWorkflow)input.Description.Schedule.Action).Args = TestEnvironment.Args("v3");
                return new ScheduleUpdate(input.Description.Schedule);
            });
            var edited3 = await WaitForAsync(
                handle, "the action update", d => ((ScheduleActionStartWorkflow)d.Schedule.Action).Args.Cast<RawJson>().Single().Json == "\"v3\"");
            Assert.AreEqual(SpecJson(newSpec), SpecJson(edited3.Schedule.Spec));
            Assert.AreEqual("after", edited3.TypedSearchAttributes.Get(DevServerAttributes.Keyword), "search attributes stay when the update does not set them");

            // An updater returning null sends nothing: the version stays the same.
            await handle.UpdateAsync(input => (ScheduleUpdate)null);
            Assert.AreEqual(edited3.ConflictToken, (await handle.DescribeAsync()).ConflictToken);
        }

        [Test]
        public async Task AnUpdateFromAStaleDescriptionIsRefused()
        {
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-stale"),
                new Schedule(Echo("s"), new ScheduleSpec()) { State = Paused("first") });

            var refused = await Expect.ThrowsAsync<RpcException>(() => handle.UpdateAsync(async input =>
            {
                // Someone else changes the schedule after it was read.
                await handle.UpdateAsync(other =>
                {
                    other.Description.Schedule.State.Note = "concurrent";
                    return new ScheduleUpdate(other.Description.Schedule);
                });
                await WaitForAsync(handle, "the concurrent update", d => d.Schedule.State.Note == "concurrent");
                input.Description.Schedule.State.Note = "stale";
                return new ScheduleUpdate(input.Description.Schedule);
            }));
            Assert.AreEqual(RpcException.StatusCode.FailedPrecondition, refused.Code);
            Assert.AreEqual("concurrent", (await handle.DescribeAsync()).Schedule.State.Note);
        }

        [Test]
        public async Task ListFindsSchedulesByQueryAndByPaging()
        {
            var first = NewScheduleId("sched-list");
            var second = NewScheduleId("sched-list");
            var schedule = new Schedule(
                Echo("l"),
                new ScheduleSpec { Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.FromHours(1)) } })
            {
                State = Paused("listed"),
            };
            var options = new ScheduleOptions
            {
                Memo = new Dictionary<string, object> { { "team", "list" } },
                TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(DevServerAttributes.Keyword, "listed").ToSearchAttributeCollection(),
            };
            await Client.CreateScheduleAsync(first, schedule, options);
            await Client.CreateScheduleAsync(second, schedule, options);
            var both = new ScheduleListOptions
            {
                Query = "ScheduleId = '" + first + "' OR ScheduleId = '" + second + "'",
                PageSize = 1,
            };

            // Explicit paging, one schedule per page, until both are visible.
            var firstPage = await Eventually.Holds(async () =>
            {
                var pageable = Client.ListSchedulesAsync(both);
                var page = await pageable.GetPageAsync();
                var ids = new List<string>(page.Items.Select(s => s.Id));
                var token = page.NextPageToken;
                while (token != null)
                {
                    var next = await pageable.GetPageAsync(token);
                    Assert.LessOrEqual(next.Items.Count, 1);
                    ids.AddRange(next.Items.Select(s => s.Id));
                    token = next.NextPageToken;
                }
                CollectionAssert.AreEquivalent(new[] { first, second }, ids);
                return page;
            }, Deadline);
            Assert.AreEqual(1, firstPage.Items.Count);
            Assert.IsNotNull(firstPage.NextPageToken);

            // The pageable fetches the pages itself.
            var enumerator = Client.ListSchedulesAsync(both).GetAsyncEnumerator();
            var enumerated = new List<ScheduleListDescription>();
            while (await enumerator.MoveNextAsync())
            {
                enumerated.Add(enumerator.Current);
            }
            CollectionAssert.AreEquivalent(new[] { first, second }, enumerated.Select(s => s.Id));

            var rows = await Client.ListSchedulesAsync(new ScheduleListOptions { Query = "ScheduleId = '" + first + "'" }).ToListAsync();
            Assert.AreEqual(1, rows.Count);
            var row = rows[0];
            Assert.AreEqual(first, row.Id);
            Assert.AreEqual("Echo", ((ScheduleListActionStartWorkflow)row.Schedule.Action).Workflow);
            Assert.IsTrue(row.Schedule.State.Paused);
            Assert.AreEqual("listed", row.Schedule.State.Note);
            Assert.AreEqual(TimeSpan.FromHours(1), row.Schedule.Spec.Intervals.Single().Every);
            Assert.IsEmpty(row.Info.RecentActions);
            Assert.AreEqual("\"list\"", row.Memo["team"].Json);
            Assert.AreEqual("listed", row.TypedSearchAttributes.Get(DevServerAttributes.Keyword));

            // Without a query, paging one at a time through every schedule finds it too.
            await Eventually.Holds(async () =>
            {
                var all = await Client.ListSchedulesAsync(new ScheduleListOptions { PageSize = 1 }).ToListAsync();
                CollectionAssert.Contains(all.Select(s => s.Id).ToList(), first);
                return all;
            }, Deadline);
        }

        [Test]
        public async Task DeleteRemovesTheSchedule()
        {
            var id = NewScheduleId("sched-delete");
            var handle = await Client.CreateScheduleAsync(id, new Schedule(Echo(0), new ScheduleSpec()));
            await handle.DescribeAsync();

            await handle.DeleteAsync();
            await Expect.NotFoundAsync(() => handle.DescribeAsync());
            await Expect.NotFoundAsync(() => handle.DeleteAsync());

            // The id of a deleted schedule can be used again.
            var again = await Client.CreateScheduleAsync(id, new Schedule(Echo(1), new ScheduleSpec()));
            Assert.AreEqual("1", ((RawJson)((ScheduleActionStartWorkflow)(await again.DescribeAsync()).Schedule.Action).Args.Single()).Json);
        }

        [Test]
        public async Task ATakenIdRaisesScheduleAlreadyRunning()
        {
            var id = NewScheduleId("sched-dup");
            var handle = await Client.CreateScheduleAsync(id, new Schedule(Echo(0), new ScheduleSpec()));

            var taken = await Expect.ThrowsAsync<ScheduleAlreadyRunningException>(
                () => Client.CreateScheduleAsync(id, new Schedule(Echo(1), new ScheduleSpec())));
            Assert.AreEqual(id, taken.ScheduleId);
            Assert.AreEqual(RpcException.StatusCode.AlreadyExists, taken.Code);
            Assert.AreEqual("already_exists", taken.ErrorCode);
            Assert.IsInstanceOf<TemporalException>(taken);
            var original = (ScheduleActionStartWorkflow)(await handle.DescribeAsync()).Schedule.Action;
            Assert.AreEqual("0", ((RawJson)original.Args.Single()).Json, "the original is untouched");
        }

        [Test]
        public async Task UnknownSchedulesAreNotFound()
        {
            var handle = Client.GetScheduleHandle(TestEnvironment.NewId("no-such-schedule"));
            var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var calls = new Func<Task>[]
            {
                () => handle.DescribeAsync(),
                () => handle.UpdateAsync(input => new ScheduleUpdate(input.Description.Schedule)),
                () => handle.PauseAsync(),
                () => handle.UnpauseAsync(),
                () => handle.TriggerAsync(),
                () => handle.BackfillAsync(new[] { new ScheduleBackfill(past, past.AddMinutes(1)) }),
                () => handle.DeleteAsync(),
            };
            foreach (var call in calls)
            {
                var missing = await Expect.NotFoundAsync(call);
                Assert.AreEqual("not_found", missing.ErrorCode);
            }
        }

        [Test]
        public async Task BadInputIsInvalidArgumentNamingTheKey()
        {
            var day = new DateTime(2030, 1, 2, 0, 0, 0, DateTimeKind.Utc);
            var reused = TestEnvironment.Options("sched-bad");
            reused.IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate;
            var creates = new[]
            {
                Tuple.Create("", new ScheduleSpec(), Echo(1), "schedule_id"),
                Tuple.Create("bad", new ScheduleSpec { Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.Zero) } }, Echo(1), "spec.intervals[0].every"),
                Tuple.Create("bad", new ScheduleSpec { Calendars = new[] { new ScheduleCalendarSpec { Hour = new[] { new ScheduleRange(24) } } } }, Echo(1), "spec.calendars[0].hour[0]"),
                Tuple.Create("bad", new ScheduleSpec { StartAt = day, EndAt = day.AddDays(-1) }, Echo(1), "spec.end_at"),
                Tuple.Create("bad", new ScheduleSpec(), ScheduleActionStartWorkflow.Create(string.Empty, null, TestEnvironment.Options("x")), "action.start_workflow.workflow_type"),
                Tuple.Create("bad", new ScheduleSpec(), ScheduleActionStartWorkflow.Create("Echo", null, reused), "action.start_workflow.id_reuse_policy"),
            };
            foreach (var create in creates)
            {
                var bad = await Expect.ThrowsAsync<InvalidArgumentException>(
                    () => Client.CreateScheduleAsync(create.Item1, new Schedule(create.Item3, create.Item2)));
                Assert.AreEqual(create.Item4, bad.ParamName, bad.Message);
            }
            var limited = await Expect.ThrowsAsync<InvalidArgumentException>(() => Client.CreateScheduleAsync(
                "bad", new Schedule(Echo(1), new ScheduleSpec()) { State = new ScheduleState { RemainingActions = -1 } }));
            Assert.AreEqual("state.remaining_actions", limited.ParamName);

            var handle = Client.GetScheduleHandle("bad-input");
            var empty = await Expect.ThrowsAsync<InvalidArgumentException>(() => handle.BackfillAsync(new ScheduleBackfill[0]));
            Assert.AreEqual("backfills", empty.ParamName);
            var backwards = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => handle.BackfillAsync(new[] { new ScheduleBackfill(day, day.AddDays(-1)) }));
            Assert.AreEqual("backfills[0].end_at", backwards.ParamName);
            var pageSize = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Client.ListSchedulesAsync(new ScheduleListOptions { PageSize = -1 }).GetPageAsync());
            Assert.AreEqual("page_size", pageSize.ParamName);
            var token = await Expect.ThrowsAsync<InvalidArgumentException>(
                () => Client.ListSchedulesAsync().GetPageAsync("%%%"));
            Assert.AreEqual("next_page_token", token.ParamName);

            var signalled = TestEnvironment.Options("sched-signal");
            signalled.SignalWithStart("go", null);
            await Expect.ThrowsAsync<ArgumentException>(() => Client.CreateScheduleAsync(
                "bad", new Schedule(ScheduleActionStartWorkflow.Create("Echo", null, signalled), new ScheduleSpec())));
        }

        private static string SpecJson(ScheduleSpec spec)
        {
            return JsonWriter.Serialize(spec.ToJson());
        }

        private static string ActionJson(Schedule schedule)
        {
            return JsonWriter.Serialize(schedule.Action.ToJson());
        }
    }
}
