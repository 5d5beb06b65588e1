using System;

namespace TemporalCapi
{
    /// <summary>Handles to activities that complete asynchronously.</summary>
    public sealed partial class TemporalClient
    {
        /// <summary>A handle to the activity the task token belongs to (the bytes its worker received).</summary>
        /// <param name="taskToken">The activity's task token.</param>
        /// <exception cref="ArgumentException"><paramref name="taskToken"/> is null or empty.</exception>
        public AsyncActivityHandle GetAsyncActivityHandle(byte[] taskToken)
        {
            if (taskToken == null || taskToken.Length == 0)
            {
                throw new ArgumentException("A task token is required", "taskToken");
            }
            return new AsyncActivityHandle(this, (byte[])taskToken.Clone(), null, null, null);
        }

        /// <summary>A handle to an activity named by its workflow and activity ids.</summary>
        /// <param name="workflowId">The activity's workflow id.</param>
        /// <param name="runId">The workflow run; null for the latest run.</param>
        /// <param name="activityId">The activity id (the workflow chose it; SDKs number activities "1", "2", ... by default).</param>
        /// <exception cref="ArgumentException"><paramref name="workflowId"/> or <paramref name="activityId"/> is null or empty.</exception>
        public AsyncActivityHandle GetAsyncActivityHandle(string workflowId, string runId, string activityId)
        {
            Require.NotEmpty(workflowId, "workflowId", "A workflow id is required");
            Require.NotEmpty(activityId, "activityId", "An activity id is required");
            return new AsyncActivityHandle(this, null, workflowId, runId, activityId);
        }
    }
}
