namespace TemporalCapi
{
    /// <summary>What <see cref="DurableTaskClient.PurgeInstanceAsync"/> and <see cref="DurableTaskClient.PurgeAllInstancesAsync"/> deleted.</summary>
    public sealed class PurgeResult
    {
        internal PurgeResult(int purgedInstanceCount)
        {
            PurgedInstanceCount = purgedInstanceCount;
        }

        /// <summary>How many instances (workflow runs) were deleted.</summary>
        public int PurgedInstanceCount { get; private set; }
    }
}
