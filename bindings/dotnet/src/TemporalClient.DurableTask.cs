namespace TemporalCapi
{
    /// <summary>The Durable Task client names.</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>The Durable Task <c>DurableTaskClient</c> operations over this client (see <see cref="DurableTaskClient"/>).</summary>
        /// <param name="taskQueue">The task queue new instances are scheduled on; null when every schedule names its own.</param>
        public DurableTaskClient GetDurableTaskClient(string taskQueue = null)
        {
            return new DurableTaskClient(this, taskQueue);
        }
    }
}
