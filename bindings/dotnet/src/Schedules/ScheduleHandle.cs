using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi.Schedules
{
    /// <summary>
    /// Acts on one schedule, named by <see cref="Id"/>. Get one from
    /// <see cref="TemporalClient.CreateScheduleAsync"/> or
    /// <see cref="TemporalClient.GetScheduleHandle"/>. Every method throws
    /// <see cref="RpcException"/> with <see cref="RpcException.StatusCode.NotFound"/>
    /// when the schedule does not exist (or was deleted).
    /// </summary>
    public sealed class ScheduleHandle
    {
        internal ScheduleHandle(TemporalClient client, string id)
        {
            Client = client;
            Id = id;
        }

        /// <summary>The client the handle calls through.</summary>
        public TemporalClient Client { get; private set; }

        /// <summary>The schedule id.</summary>
        public string Id { get; private set; }

        /// <summary>Describes the schedule: what it is, what it has done and will do.</summary>
        /// <exception cref="RpcException">The schedule does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task<ScheduleDescription> DescribeAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.Connection.CallAsync(
                NativeMethods.tc_schedule_describe, Reference(), response => new ScheduleDescription(response), cancellationToken);
        }

        /// <summary>
        /// Updates the schedule: describes it, passes the description to
        /// <paramref name="updater"/>, and sends the returned schedule (a
        /// <see cref="ScheduleUpdate"/>; null for no update) with the
        /// description's conflict token.
        /// </summary>
        /// <remarks>
        /// The update replaces the action, spec, policy and state, and the
        /// search attributes when <see cref="ScheduleUpdate.TypedSearchAttributes"/>
        /// is set. The server applies it asynchronously: a describe right after
        /// may still show the old schedule.
        /// </remarks>
        /// <param name="updater">Builds the update; it may edit <c>input.Description.Schedule</c> and return it.</param>
        /// <param name="cancellationToken">Cancels the requests.</param>
        /// <exception cref="RpcException">
        /// The schedule changed after it was described (<see cref="RpcException.StatusCode.FailedPrecondition"/>;
        /// nothing changes), or it does not exist (<see cref="RpcException.StatusCode.NotFound"/>).
        /// </exception>
        public Task UpdateAsync(
            Func<ScheduleUpdateInput, ScheduleUpdate> updater, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(updater, "updater");
            return UpdateAsync(input => Task.FromResult(updater(input)), cancellationToken);
        }

        /// <summary>
        /// Updates the schedule with an asynchronous updater; otherwise as
        /// <see cref="UpdateAsync(Func{ScheduleUpdateInput, ScheduleUpdate}, CancellationToken)"/>.
        /// </summary>
        /// <param name="updater">Builds the update (null for none); it may edit <c>input.Description.Schedule</c> and return it.</param>
        /// <param name="cancellationToken">Cancels the requests.</param>
        /// <exception cref="RpcException">The schedule changed after it was described (<see cref="RpcException.StatusCode.FailedPrecondition"/>), or it does not exist.</exception>
        public async Task UpdateAsync(
            Func<ScheduleUpdateInput, Task<ScheduleUpdate>> updater, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(updater, "updater");
            var description = await DescribeAsync(cancellationToken).ConfigureAwait(false);
            var update = await updater(new ScheduleUpdateInput(description)).ConfigureAwait(false);
            if (update == null)
            {
                return;
            }
            if (update.Schedule == null)
            {
                throw new ArgumentException("ScheduleUpdate.Schedule is required", "updater");
            }
            var request = Reference();
            update.Schedule.WriteTo(request);
            request.Put("conflict_token", description.ConflictToken);
            request.Put("search_attributes", update.TypedSearchAttributes == null ? null : update.TypedSearchAttributes.ToJson());
            await Client.Connection.CallAsync(NativeMethods.tc_schedule_update, request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Pauses the schedule: no scheduled actions until unpaused (trigger and backfill still act).</summary>
        /// <param name="note">Stored in <see cref="ScheduleState.Note"/>; null or empty for <c>"Paused via temporal-capi"</c>.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task PauseAsync(string note = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference();
            request.Put("note", note);
            return Client.Connection.CallAsync(NativeMethods.tc_schedule_pause, request, cancellationToken);
        }

        /// <summary>Resumes a paused schedule.</summary>
        /// <param name="note">Stored in <see cref="ScheduleState.Note"/>; null or empty for <c>"Unpaused via temporal-capi"</c>.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task UnpauseAsync(string note = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference();
            request.Put("note", note);
            return Client.Connection.CallAsync(NativeMethods.tc_schedule_unpause, request, cancellationToken);
        }

        /// <summary>Takes one action now, also when paused.</summary>
        /// <remarks>
        /// The server names the started workflow after the action's time in
        /// whole seconds: a second action within the same second gets the same
        /// id and, while the first workflow runs, is dropped without an error.
        /// </remarks>
        /// <param name="overlap">Overrides the schedule's overlap policy; null or <see cref="ScheduleOverlapPolicy.Unspecified"/> keeps it.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task TriggerAsync(
            ScheduleOverlapPolicy? overlap = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = Reference();
            request.PutEnum("overlap", overlap ?? ScheduleOverlapPolicy.Unspecified);
            return Client.Connection.CallAsync(NativeMethods.tc_schedule_trigger, request, cancellationToken);
        }

        /// <summary>Takes the actions the spec had due in each past range, now, also when paused.</summary>
        /// <param name="backfills">At least one range.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="InvalidArgumentException">No range was given (<c>backfills</c>), or one ends before it starts (<c>backfills[i].end_at</c>).</exception>
        public Task BackfillAsync(
            IEnumerable<ScheduleBackfill> backfills, CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(backfills, "backfills");
            var request = Reference();
            request["backfills"] = ScheduleBackfill.ListToJson(backfills);
            return Client.Connection.CallAsync(NativeMethods.tc_schedule_backfill, request, cancellationToken);
        }

        /// <summary>Deletes the schedule; workflows it started keep running. Its id can then be used again.</summary>
        /// <exception cref="RpcException">The schedule does not exist (<see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public Task DeleteAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return Client.Connection.CallAsync(NativeMethods.tc_schedule_delete, Reference(), cancellationToken);
        }

        private Dictionary<string, object> Reference()
        {
            return new Dictionary<string, object> { { "schedule_id", Id } };
        }
    }
}
