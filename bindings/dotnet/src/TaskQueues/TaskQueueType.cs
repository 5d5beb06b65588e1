namespace TemporalCapi
{
    /// <summary>Which tasks of a task queue <see cref="TemporalClient.DescribeTaskQueueAsync"/> describes (values as in the Temporal API).</summary>
    public enum TaskQueueType
    {
        /// <summary>Workflow tasks.</summary>
        Workflow = 1,
        /// <summary>Activity tasks.</summary>
        Activity = 2,
    }
}
