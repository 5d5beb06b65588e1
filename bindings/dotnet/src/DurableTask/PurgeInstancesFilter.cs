namespace TemporalCapi
{
    /// <summary>Which instances <see cref="DurableTaskClient.PurgeAllInstancesAsync"/> deletes (the <see cref="InstanceFilter"/> properties).</summary>
    public sealed class PurgeInstancesFilter : InstanceFilter
    {
        /// <summary>How many deletes run at once, 1 to 64; null for 8.</summary>
        public int? MaxConcurrency { get; set; }
    }
}
