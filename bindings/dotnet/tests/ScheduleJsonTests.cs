using System;
using System.Threading;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Schedules;

namespace TemporalCapi.Tests
{
    /// <summary>Schedule types and their JSON forms (docs/JSON.md "Schedules"), offline.</summary>
    [TestFixture]
    public class ScheduleJsonTests
    {
        [Test]
        public void RangesAreNormalisedAndCompareByValue()
        {
            Assert.AreEqual(new ScheduleRange(9, 9, 1), new ScheduleRange(9));
            Assert.AreEqual(new ScheduleRange(9, 9, 1), new ScheduleRange(9, 3, 0));
            Assert.AreNotEqual(new ScheduleRange(9, 10), new ScheduleRange(9));
            Assert.AreEqual(new ScheduleRange(9).GetHashCode(), new ScheduleRange(9, 9, 1).GetHashCode());
            Assert.AreEqual(new ScheduleRange(5), ScheduleRange.FromJson(5L));
            Assert.AreEqual(new ScheduleRange(1, 5), ScheduleRange.FromJson(JsonReader.Parse("{\"start\":1,\"end\":5}")));
        }

        [Test]
        public void CalendarsWriteEveryFieldAndLeaveNullOnesToTheLibrary()
        {
            var calendar = new ScheduleCalendarSpec { Hour = new[] { new ScheduleRange(9) }, DayOfMonth = null, Comment = "c" };
            Assert.AreEqual(
                "{\"second\":[{\"start\":0,\"end\":0,\"step\":1}],\"minute\":[{\"start\":0,\"end\":0,\"step\":1}],"
                + "\"hour\":[{\"start\":9,\"end\":9,\"step\":1}],\"month\":[{\"start\":1,\"end\":12,\"step\":1}],"
                + "\"year\":[],\"day_of_week\":[{\"start\":0,\"end\":6,\"step\":1}],\"comment\":\"c\"}",
                JsonWriter.Serialize(calendar.ToJson()));
            var read = ScheduleCalendarSpec.FromJson(JsonFields.ParseObject("{\"hour\":[3,{\"start\":5,\"end\":7}],\"comment\":null}"));
            CollectionAssert.AreEqual(new[] { new ScheduleRange(3), new ScheduleRange(5, 7) }, read.Hour);
            CollectionAssert.AreEqual(new[] { new ScheduleRange(1, 31) }, read.DayOfMonth);
            Assert.IsNull(read.Comment);
        }

        [Test]
        public void StatePolicyAndBackfillWriteTheLibrarysForms()
        {
            Assert.AreEqual("{\"paused\":false}", JsonWriter.Serialize(new ScheduleState().ToJson()));
            Assert.AreEqual(
                "{\"paused\":true,\"note\":\"n\",\"remaining_actions\":0}",
                JsonWriter.Serialize(new ScheduleState { Paused = true, Note = "n", LimitedActions = true }.ToJson()));
            Assert.AreEqual(
                "{\"catchup_window\":60,\"pause_on_failure\":true,\"keep_original_workflow_id\":false,\"overlap\":\"terminate_other\"}",
                JsonWriter.Serialize(new SchedulePolicy
                {
                    Overlap = ScheduleOverlapPolicy.TerminateOther,
                    CatchupWindow = TimeSpan.FromMinutes(1),
                    PauseOnFailure = true,
                }.ToJson()));
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Assert.AreEqual(
                "{\"start_at\":\"2020-01-01T00:00:00+00:00\",\"end_at\":\"2020-01-01T01:00:00+00:00\",\"overlap\":\"buffer_all\"}",
                JsonWriter.Serialize(new ScheduleBackfill(start, start.AddHours(1), ScheduleOverlapPolicy.BufferAll).ToJson()));
        }

        [Test]
        public void ADescribeResponseDecodes()
        {
            var description = new ScheduleDescription(JsonFields.ParseObject(
                "{\"schedule_id\":\"s\",\"spec\":{\"intervals\":[{\"every\":3600,\"offset\":0}],\"cron_expressions\":[],"
                + "\"calendars\":[],\"exclude_calendars\":[],\"start_at\":\"2030-01-01T00:00:00.123456789Z\",\"end_at\":null,"
                + "\"jitter\":null,\"time_zone\":\"\"},"
                + "\"action\":{\"start_workflow\":{\"workflow_type\":\"Echo\",\"task_queue\":\"q\",\"id\":\"wf\",\"args\":[1,null],"
                + "\"execution_timeout\":null,\"run_timeout\":600,\"task_timeout\":null,\"retry_policy\":null,\"memo\":{},"
                + "\"search_attributes\":{},\"static_summary\":null,\"static_details\":null,\"headers\":{}}},"
                + "\"policies\":{\"overlap\":\"buffer_one\",\"catchup_window\":60,\"pause_on_failure\":true,\"keep_original_workflow_id\":false},"
                + "\"state\":{\"paused\":true,\"note\":null,\"remaining_actions\":null},"
                + "\"memo\":{\"m\":[1]},\"search_attributes\":{\"CustomInt\":{\"type\":\"int\",\"value\":4}},"
                + "\"info\":{\"action_count\":3,\"missed_catchup_window\":1,\"overlap_skipped\":2,\"buffer_dropped\":0,\"buffer_size\":1,"
                + "\"running_workflows\":[{\"workflow_id\":\"wf-1\",\"run_id\":\"r1\"}],"
                + "\"recent_actions\":[{\"schedule_time\":\"2030-01-01T00:00:00Z\",\"actual_time\":\"2030-01-01T00:00:01Z\","
                + "\"workflow_id\":\"wf-1\",\"run_id\":\"r1\",\"status\":\"running\"},"
                + "{\"schedule_time\":\"2030-01-01T01:00:00Z\",\"actual_time\":\"2030-01-01T01:00:00Z\",\"workflow_id\":\"wf-2\",\"run_id\":\"r2\",\"status\":null}],"
                + "\"future_action_times\":[\"2030-01-01T02:00:00Z\"],\"create_time\":\"2029-12-31T00:00:00Z\",\"update_time\":null},"
                + "\"conflict_token\":\"AQI=\"}"));
            Assert.AreEqual("s", description.Id);
            Assert.AreEqual("AQI=", description.ConflictToken);
            var spec = description.Schedule.Spec;
            Assert.IsNull(spec.Intervals[0].Offset);
            Assert.AreEqual(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567), spec.StartAt);
            Assert.IsNull(spec.EndAt);
            Assert.IsNull(spec.TimeZoneName);
            var action = (ScheduleActionStartWorkflow)description.Schedule.Action;
            Assert.AreEqual("[1,null]", RawJson.FromValue(action.Args).Json);
            Assert.AreEqual(TimeSpan.FromMinutes(10), action.Options.RunTimeout);
            Assert.IsNull(action.Options.Memo);
            Assert.IsNull(action.Options.TypedSearchAttributes);
            Assert.IsNull(action.Headers);
            Assert.AreEqual(ScheduleOverlapPolicy.BufferOne, description.Schedule.Policy.Overlap);
            Assert.IsTrue(description.Schedule.State.Paused);
            Assert.IsFalse(description.Schedule.State.LimitedActions);
            Assert.AreEqual("[1]", description.Memo["m"].Json);
            Assert.AreEqual(4L, description.TypedSearchAttributes.Get(SearchAttributeKey.CreateLong("CustomInt")));
            var info = description.Info;
            Assert.AreEqual(3, info.NumActions);
            Assert.AreEqual(1, info.NumActionsMissedCatchupWindow);
            Assert.AreEqual(2, info.NumActionsSkippedOverlap);
            Assert.AreEqual(1, info.BufferSize);
            Assert.AreEqual("r1", ((ScheduleActionExecutionStartWorkflow)info.RunningActions[0]).FirstExecutionRunId);
            Assert.AreEqual(WorkflowExecutionStatus.Running, info.RecentActions[0].Status);
            Assert.IsNull(info.RecentActions[1].Status);
            Assert.AreEqual(new DateTime(2030, 1, 1, 0, 0, 1, DateTimeKind.Utc), info.RecentActions[0].StartedAt);
            Assert.AreEqual("wf-2", ((ScheduleActionExecutionStartWorkflow)info.RecentActions[1].Action).WorkflowId);
            Assert.AreEqual(new[] { new DateTime(2030, 1, 1, 2, 0, 0, DateTimeKind.Utc) }, info.NextActionTimes);
            Assert.AreEqual(new DateTime(2029, 12, 31, 0, 0, 0, DateTimeKind.Utc), info.CreatedAt);
            Assert.IsNull(info.LastUpdatedAt);
        }

        [Test]
        public void AlreadyExistsForAScheduleIsScheduleAlreadyRunning()
        {
            var e = ErrorMapper.ToException(
                "{\"code\":\"already_exists\",\"message\":\"m\",\"grpc_code\":6,\"schedule_id\":\"s\"}", CancellationToken.None);
            Assert.AreEqual(typeof(ScheduleAlreadyRunningException), e.GetType());
            var taken = (ScheduleAlreadyRunningException)e;
            Assert.AreEqual("s", taken.ScheduleId);
            Assert.AreEqual(RpcException.StatusCode.AlreadyExists, taken.Code);
            Assert.AreEqual(typeof(RpcException), ErrorMapper.ToException(
                "{\"code\":\"already_exists\",\"message\":\"m\",\"grpc_code\":6}", CancellationToken.None).GetType());
        }
    }
}
