using System.Collections.Generic;

namespace TemporalCapi.Schedules
{
    /// <summary>Options of <see cref="TemporalClient.CreateScheduleAsync"/>.</summary>
    public sealed class ScheduleOptions
    {
        /// <summary>Take one action right away (with overlap <see cref="ScheduleOverlapPolicy.AllowAll"/>).</summary>
        public bool TriggerImmediately { get; set; }

        /// <summary>Past ranges whose actions are taken right away, as <see cref="ScheduleHandle.BackfillAsync"/> does; null for none.</summary>
        public IReadOnlyCollection<ScheduleBackfill> Backfills { get; set; }

        /// <summary>The schedule's own memo (JSON-serializable values or <see cref="RawJson"/>); null for none.</summary>
        public IReadOnlyDictionary<string, object> Memo { get; set; }

        /// <summary>The schedule's own search attributes; null for none.</summary>
        public SearchAttributeCollection TypedSearchAttributes { get; set; }
    }
}
