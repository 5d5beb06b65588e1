using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Schedules;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Base of the schedule fixtures: fresh schedule ids that are deleted after
    /// each test (so interval schedules stop), Echo actions, and polling
    /// describe until the asynchronous scheduler has acted.
    /// </summary>
    public abstract class ScheduleFixture : ServerFixture
    {
        /// <summary>How long to wait for the scheduler; generous, never asserted on.</summary>
        protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

        private readonly List<string> created = new List<string>();

        /// <summary>A fresh schedule id, deleted after the test by <see cref="DeleteSchedules"/>.</summary>
        protected string NewScheduleId(string prefix)
        {
            var id = TestEnvironment.NewId(prefix);
            created.Add(id);
            return id;
        }

        /// <summary>Deletes every schedule <see cref="NewScheduleId"/> named that still exists.</summary>
        [TearDown]
        public void DeleteSchedules()
        {
            DeleteAllAsync().GetAwaiter().GetResult();
        }

        private async Task DeleteAllAsync()
        {
            foreach (var id in created)
            {
                try
                {
                    await Client.GetScheduleHandle(id).DeleteAsync();
                }
                catch (RpcException e)
                {
                    if (e.Code != RpcException.StatusCode.NotFound)
                    {
                        throw;
                    }
                }
            }
            created.Clear();
        }

        /// <summary>An action starting the worker's Echo workflow with <paramref name="arg"/>.</summary>
        protected static ScheduleActionStartWorkflow Echo(object arg)
        {
            return ScheduleActionStartWorkflow.Create("Echo", TestEnvironment.Args(arg), TestEnvironment.Options("sched-wf"));
        }

        /// <summary>A spec acting every second.</summary>
        protected static ScheduleSpec EverySecond()
        {
            return new ScheduleSpec { Intervals = new[] { new ScheduleIntervalSpec(TimeSpan.FromSeconds(1)) } };
        }

        /// <summary>A state that is paused.</summary>
        protected static ScheduleState Paused(string note = null)
        {
            return new ScheduleState { Paused = true, Note = note };
        }

        /// <summary>Describes <paramref name="handle"/> until <paramref name="check"/> holds; fails with the last description at the deadline.</summary>
        protected static Task<ScheduleDescription> WaitForAsync(
            ScheduleHandle handle, string what, Func<ScheduleDescription, bool> check)
        {
            return Eventually.Holds(
                async () =>
                {
                    var description = await handle.DescribeAsync();
                    Assert.IsTrue(check(description), "timed out waiting for " + what + "; last description: " + description.RawDescription);
                    return description;
                },
                Deadline);
        }

        /// <summary>
        /// Waits until the UTC second after <paramref name="actionTime"/> has begun.
        /// The server names a started workflow after its action's time in whole
        /// seconds, so a second action within the same second would get the same
        /// id and be dropped while the first still runs.
        /// </summary>
        protected static Task NextSecondAfterAsync(DateTime actionTime)
        {
            var next = new DateTime(actionTime.Ticks - actionTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc)
                .AddSeconds(1).AddMilliseconds(50);
            var wait = next - DateTime.UtcNow;
            return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.FromResult(0);
        }

        /// <summary>The result of the workflow an action started.</summary>
        protected static Task<T> ResultOfAsync<T>(ScheduleActionResult action)
        {
            var started = (ScheduleActionExecutionStartWorkflow)action.Action;
            return Client.GetWorkflowHandle(started.WorkflowId, started.FirstExecutionRunId).GetResultAsync<T>();
        }

        /// <summary>The request JSON of a schedule's four sections, to compare schedules field by field.</summary>
        protected static string SectionsJson(Schedule schedule)
        {
            var sections = new Dictionary<string, object>();
            schedule.WriteTo(sections);
            return JsonWriter.Serialize(sections);
        }

        /// <summary>The current UTC minute.</summary>
        protected static DateTime MinuteMark()
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        }
    }
}
