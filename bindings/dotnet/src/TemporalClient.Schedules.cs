using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;
using TemporalCapi.Schedules;

namespace TemporalCapi
{
    /// <summary>Schedules: create, get a handle, list.</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>Creates a schedule and returns its handle.</summary>
        /// <param name="scheduleId">The schedule id (unique among the namespace's schedules).</param>
        /// <param name="schedule">Action, spec, policy and state.</param>
        /// <param name="options">Trigger at once, backfills, memo, search attributes; null for none.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="ScheduleAlreadyRunningException">A schedule with the id exists.</exception>
        /// <exception cref="InvalidArgumentException">The schedule was rejected; <c>ParamName</c> is the path of the offending key (<c>spec.calendars[0].hour[1]</c>).</exception>
        public Task<ScheduleHandle> CreateScheduleAsync(
            string scheduleId,
            Schedule schedule,
            ScheduleOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            Require.NotNull(scheduleId, "scheduleId");
            Require.NotNull(schedule, "schedule");
            var request = new Dictionary<string, object> { { "schedule_id", scheduleId } };
            schedule.WriteTo(request);
            if (options != null)
            {
                if (options.TriggerImmediately)
                {
                    request["trigger_immediately"] = true;
                }
                if (options.Backfills != null && options.Backfills.Count > 0)
                {
                    request["backfills"] = ScheduleBackfill.ListToJson(options.Backfills);
                }
                request.Put("memo", RequestFields.ObjectOf(options.Memo));
                request.Put("search_attributes", options.TypedSearchAttributes == null ? null : options.TypedSearchAttributes.ToJson());
            }
            return Connection.CallAsync(
                NativeMethods.tc_schedule_create,
                request,
                response => new ScheduleHandle(this, response.GetString("schedule_id") ?? scheduleId),
                cancellationToken);
        }

        /// <summary>A handle to an existing schedule (nothing is checked until it is used).</summary>
        public ScheduleHandle GetScheduleHandle(string scheduleId)
        {
            Require.NotEmpty(scheduleId, "scheduleId", "A schedule id is required");
            return new ScheduleHandle(this, scheduleId);
        }

        /// <summary>
        /// The schedules matching <see cref="ScheduleListOptions.Query"/> (all
        /// without one), fetched a page at a time as they are enumerated; page
        /// explicitly with <see cref="AsyncPageable{T}.GetPageAsync"/>.
        /// </summary>
        /// <remarks>
        /// The list comes from the visibility store and is eventually
        /// consistent: a new or changed schedule may take a moment to show.
        /// Nothing is fetched by this call itself.
        /// </remarks>
        /// <param name="options">Query and page size; null for every schedule in pages of the server's default size.</param>
        /// <exception cref="InvalidArgumentException">(When a page is fetched) a negative page size or a malformed page token.</exception>
        public AsyncPageable<ScheduleListDescription> ListSchedulesAsync(ScheduleListOptions options = null)
        {
            string query = options == null ? null : options.Query;
            int pageSize = options == null ? 0 : options.PageSize;
            return new AsyncPageable<ScheduleListDescription>(
                (token, cancellationToken) => FetchSchedulePageAsync(query, pageSize, token, cancellationToken));
        }

        private Task<Page<ScheduleListDescription>> FetchSchedulePageAsync(
            string query, int pageSize, string pageToken, CancellationToken cancellationToken)
        {
            var request = new Dictionary<string, object>();
            request.Put("query", query);
            if (pageSize != 0)
            {
                request["page_size"] = pageSize;
            }
            return Connection.CallPageAsync(
                NativeMethods.tc_schedule_list,
                request,
                pageToken,
                response => response.GetList("schedules").ConvertAll(row => new ScheduleListDescription((Dictionary<string, object>)row)),
                cancellationToken);
        }
    }
}
