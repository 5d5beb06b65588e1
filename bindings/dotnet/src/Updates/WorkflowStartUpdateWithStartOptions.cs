using System;

namespace TemporalCapi
{
    /// <summary>Options of <see cref="TemporalClient.StartUpdateWithStartWorkflowAsync{TResult}"/>.</summary>
    public sealed class WorkflowStartUpdateWithStartOptions
    {
        /// <summary>Creates options for the given workflow operation that wait for <see cref="WorkflowUpdateStage.Accepted"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="startWorkflowOperation"/> is null.</exception>
        public WorkflowStartUpdateWithStartOptions(WithStartWorkflowOperation startWorkflowOperation)
            : this(startWorkflowOperation, WorkflowUpdateStage.Accepted)
        {
        }

        /// <summary>Creates options for the given workflow operation that wait for <paramref name="waitForStage"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="startWorkflowOperation"/> is null.</exception>
        public WorkflowStartUpdateWithStartOptions(WithStartWorkflowOperation startWorkflowOperation, WorkflowUpdateStage waitForStage)
        {
            Require.NotNull(startWorkflowOperation, "startWorkflowOperation");
            StartWorkflowOperation = startWorkflowOperation;
            WaitForStage = waitForStage;
        }

        /// <summary>The workflow to start unless one with its id is running.</summary>
        public WithStartWorkflowOperation StartWorkflowOperation { get; private set; }

        /// <summary>How far the update must get before the call returns.</summary>
        public WorkflowUpdateStage WaitForStage { get; set; }

        /// <summary>The update's idempotency id; a UUID when null.</summary>
        public string Id { get; set; }
    }
}
