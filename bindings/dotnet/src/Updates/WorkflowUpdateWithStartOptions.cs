using System;

namespace TemporalCapi
{
    /// <summary>Options of <see cref="TemporalClient.ExecuteUpdateWithStartWorkflowAsync{TResult}"/>.</summary>
    public sealed class WorkflowUpdateWithStartOptions
    {
        /// <summary>Creates options for the given workflow operation.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="startWorkflowOperation"/> is null.</exception>
        public WorkflowUpdateWithStartOptions(WithStartWorkflowOperation startWorkflowOperation)
        {
            Require.NotNull(startWorkflowOperation, "startWorkflowOperation");
            StartWorkflowOperation = startWorkflowOperation;
        }

        /// <summary>The workflow to start unless one with its id is running.</summary>
        public WithStartWorkflowOperation StartWorkflowOperation { get; private set; }

        /// <summary>The update's idempotency id; a UUID when null.</summary>
        public string Id { get; set; }
    }
}
