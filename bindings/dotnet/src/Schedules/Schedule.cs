using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// A schedule: its <see cref="Action"/>, when it is taken (<see cref="Spec"/>),
    /// its <see cref="Policy"/> and its <see cref="State"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="ScheduleHandle.DescribeAsync"/> returns a new, editable
    /// instance: change it and pass it back through
    /// <see cref="ScheduleHandle.UpdateAsync(Func{ScheduleUpdateInput, ScheduleUpdate}, System.Threading.CancellationToken)"/>.
    /// </remarks>
    public sealed class Schedule
    {
        /// <summary>Creates a schedule with the default policy and an unpaused state.</summary>
        /// <param name="action">What the schedule does.</param>
        /// <param name="spec">When; a spec without times makes a schedule that acts only when triggered or backfilled.</param>
        public Schedule(ScheduleAction action, ScheduleSpec spec)
        {
            Action = action;
            Spec = spec;
            Policy = new SchedulePolicy();
            State = new ScheduleState();
        }

        /// <summary>What the schedule does.</summary>
        public ScheduleAction Action { get; set; }

        /// <summary>When the schedule acts; null is a spec without times.</summary>
        public ScheduleSpec Spec { get; set; }

        /// <summary>Overlap, catch-up and failure policies; null for the defaults.</summary>
        public SchedulePolicy Policy { get; set; }

        /// <summary>Paused state, note and action limit; null for the defaults.</summary>
        public ScheduleState State { get; set; }

        /// <summary>The four sections <c>{action, spec, policies, state}</c>, written into <paramref name="request"/>.</summary>
        /// <exception cref="ArgumentException">There is no action, or the action is incomplete.</exception>
        internal void WriteTo(Dictionary<string, object> request)
        {
            if (Action == null)
            {
                throw new ArgumentException("Schedule.Action is required", "schedule");
            }
            request["action"] = Action.ToJson();
            request["spec"] = (Spec ?? new ScheduleSpec()).ToJson();
            request["policies"] = (Policy ?? new SchedulePolicy()).ToJson();
            request["state"] = (State ?? new ScheduleState()).ToJson();
        }

        /// <summary>Reads the sections of a <c>tc_schedule_describe</c> response.</summary>
        internal static Schedule FromJson(Dictionary<string, object> json)
        {
            return new Schedule(
                ScheduleAction.FromJson(json.GetObject("action")),
                ScheduleSpec.FromJson(json.GetObject("spec") ?? new Dictionary<string, object>()))
            {
                Policy = SchedulePolicy.FromJson(json.GetObject("policies") ?? new Dictionary<string, object>()),
                State = ScheduleState.FromJson(json.GetObject("state") ?? new Dictionary<string, object>()),
            };
        }
    }
}
