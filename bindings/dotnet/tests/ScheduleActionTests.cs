using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Schedules;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Schedules really acting on the worker: intervals, pause and unpause,
    /// trigger, backfill. The scheduler acts asynchronously, so the tests poll
    /// describe with a generous deadline instead of expecting an action within
    /// a set time.
    /// </summary>
    [TestFixture]
    public class ScheduleActionTests : ScheduleFixture
    {
        [Test]
        public async Task AOneSecondIntervalStartsEchoWorkflowsOnTheWorker()
        {
            var action = Echo(new Dictionary<string, object> { { "from", "schedule" } });
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-interval"), new Schedule(action, EverySecond()));

            var described = await WaitForAsync(
                handle, "two actions", d => d.Info.NumActions >= 2 && d.Info.RecentActions.Count >= 2);
            var first = described.Info.RecentActions[0];
            var second = described.Info.RecentActions[1];
            var firstRun = (ScheduleActionExecutionStartWorkflow)first.Action;
            var secondRun = (ScheduleActionExecutionStartWorkflow)second.Action;
            // The server appends the scheduled time to the action's workflow id.
            StringAssert.StartsWith(action.Options.Id + "-", firstRun.WorkflowId);
            Assert.AreNotEqual(firstRun.WorkflowId, secondRun.WorkflowId);
            Assert.IsNotEmpty(firstRun.FirstExecutionRunId);
            Assert.Less(first.ScheduledAt, second.ScheduledAt);
            Assert.AreEqual(DateTimeKind.Utc, first.ScheduledAt.Kind);
            Assert.GreaterOrEqual(first.StartedAt, first.ScheduledAt.AddSeconds(-1));
            Assert.AreEqual("{\"from\":\"schedule\"}", (await ResultOfAsync<RawJson>(first)).Json);
            Assert.AreEqual("schedule", (await ResultOfAsync<Dictionary<string, string>>(second))["from"]);
            Assert.IsNotEmpty(described.Info.NextActionTimes);
            Assert.Greater(described.Info.NextActionTimes[0], first.ScheduledAt);
        }

        [Test]
        public async Task PauseStopsActionsAndUnpauseResumesThem()
        {
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-pause"), new Schedule(Echo("p"), EverySecond()));
            await WaitForAsync(handle, "an action", d => d.Info.NumActions >= 1);

            await handle.PauseAsync("maintenance window");
            var paused = await WaitForAsync(handle, "paused", d => d.Schedule.State.Paused);
            Assert.AreEqual("maintenance window", paused.Schedule.State.Note);
            // Let an action that was already under way when the pause landed settle.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var settled = await handle.DescribeAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));  // three interval marks pass while paused
            var still = await handle.DescribeAsync();
            Assert.IsTrue(still.Schedule.State.Paused);
            Assert.AreEqual(settled.Info.NumActions, still.Info.NumActions, "a paused schedule took actions: " + still.RawDescription);

            await handle.UnpauseAsync("back to work");
            var resumed = await WaitForAsync(
                handle, "an action after unpausing", d => d.Info.NumActions > still.Info.NumActions);
            Assert.IsFalse(resumed.Schedule.State.Paused);
            Assert.AreEqual("back to work", resumed.Schedule.State.Note);

            await handle.PauseAsync();
            var defaultNote = await WaitForAsync(handle, "paused again", d => d.Schedule.State.Paused);
            Assert.AreEqual("Paused via temporal-capi", defaultNote.Schedule.State.Note);
            await handle.UnpauseAsync();
            var unpaused = await WaitForAsync(handle, "unpaused again", d => !d.Schedule.State.Paused);
            Assert.AreEqual("Unpaused via temporal-capi", unpaused.Schedule.State.Note);
        }

        [Test]
        public async Task TriggerTakesOneActionAtOnceEvenWhenPaused()
        {
            // No times in the spec: the schedule acts only when triggered.
            var schedule = new Schedule(Echo("triggered"), new ScheduleSpec())
            {
                State = Paused(),
            };
            var handle = await Client.CreateScheduleAsync(
                NewScheduleId("sched-trigger"), schedule, new ScheduleOptions { TriggerImmediately = true });

            var immediate = await WaitForAsync(handle, "the immediate action", d => d.Info.NumActions == 1);
            Assert.IsTrue(immediate.Schedule.State.Paused);
            Assert.IsEmpty(immediate.Info.NextActionTimes);
            await NextSecondAfterAsync(immediate.Info.RecentActions[0].ScheduledAt);

            await handle.TriggerAsync(ScheduleOverlapPolicy.AllowAll);
            var triggered = await WaitForAsync(
                handle, "the triggered action", d => d.Info.NumActions == 2 && d.Info.RecentActions.Count == 2);
            foreach (var action in triggered.Info.RecentActions)
            {
                Assert.AreEqual("triggered", await ResultOfAsync<string>(action));
            }
            await NextSecondAfterAsync(triggered.Info.RecentActions[1].ScheduledAt);

            // Without an overlap policy the schedule's own (skip) applies: the earlier runs closed, so it acts.
            await handle.TriggerAsync();
            var third = await WaitForAsync(handle, "a third action", d => d.Info.NumActions == 3);
            Assert.IsTrue(third.Schedule.State.Paused);
        }

        [Test]
        public async Task BackfillTakesTheActionsOfAPastRange()
        {
            var minute = MinuteMark();
            var schedule = new Schedule(
                Echo("backfilled"),
                new ScheduleSpec { Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.FromMinutes(1)) } })
            {
                State = Paused(),  // so that only the backfill acts
            };
            var handle = await Client.CreateScheduleAsync(NewScheduleId("sched-backfill"), schedule);

            // Half-minute bounds hold exactly three minute marks.
            await handle.BackfillAsync(new[]
            {
                new ScheduleBackfill(minute.AddMinutes(-9.5), minute.AddMinutes(-6.5), ScheduleOverlapPolicy.AllowAll),
            });
            var described = await WaitForAsync(
                handle, "three backfilled actions", d => d.Info.NumActions == 3 && d.Info.RecentActions.Count == 3);
            CollectionAssert.AreEqual(
                new[] { minute.AddMinutes(-9), minute.AddMinutes(-8), minute.AddMinutes(-7) },
                described.Info.RecentActions.Select(a => a.ScheduledAt).OrderBy(t => t).ToArray());
            foreach (var action in described.Info.RecentActions)
            {
                Assert.AreEqual("backfilled", await ResultOfAsync<string>(action));
            }
            Assert.IsTrue(described.Schedule.State.Paused);
        }

        [Test]
        public async Task BackfillsGivenAtCreateRunAtOnce()
        {
            var hourly = new ScheduleCalendarSpec { Hour = new[] { new ScheduleRange(0, 23) } };
            var schedule = new Schedule(Echo("hourly"), new ScheduleSpec { Calendars = new[] { hourly } })
            {
                State = Paused(),
            };
            var start = new DateTime(2020, 3, 1, 0, 30, 0, DateTimeKind.Utc);
            var options = new ScheduleOptions
            {
                Backfills = new[] { new ScheduleBackfill(start, start.AddHours(2), ScheduleOverlapPolicy.BufferAll) },
            };
            var handle = await Client.CreateScheduleAsync(NewScheduleId("sched-create-backfill"), schedule, options);

            var described = await WaitForAsync(
                handle, "two backfilled actions", d => d.Info.NumActions == 2 && d.Info.RecentActions.Count == 2);
            CollectionAssert.AreEqual(
                new[] { new DateTime(2020, 3, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2020, 3, 1, 2, 0, 0, DateTimeKind.Utc) },
                described.Info.RecentActions.Select(a => a.ScheduledAt).OrderBy(t => t).ToArray());
        }

        [Test]
        public async Task LimitedActionsRunOut()
        {
            var schedule = new Schedule(Echo("limited"), EverySecond())
            {
                State = new ScheduleState { LimitedActions = true, RemainingActions = 2 },
            };
            var handle = await Client.CreateScheduleAsync(NewScheduleId("sched-limited"), schedule);

            var spent = await WaitForAsync(
                handle, "the two allowed actions", d => d.Info.NumActions == 2 && d.Schedule.State.RemainingActions == 0);
            Assert.IsTrue(spent.Schedule.State.LimitedActions);
            await Task.Delay(TimeSpan.FromSeconds(3));  // three interval marks pass with no actions left
            var later = await handle.DescribeAsync();
            Assert.AreEqual(2, later.Info.NumActions, later.RawDescription.Json);
            Assert.IsFalse(later.Schedule.State.Paused);
        }
    }
}
