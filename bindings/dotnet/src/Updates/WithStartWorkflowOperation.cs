using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TemporalCapi
{
    /// <summary>
    /// The workflow half of an update-with-start: the workflow to start
    /// unless one with its id is running. Pass it in
    /// <see cref="WorkflowUpdateWithStartOptions"/> or
    /// <see cref="WorkflowStartUpdateWithStartOptions"/>; afterwards
    /// <see cref="GetHandleAsync"/> returns the workflow's handle. One
    /// operation serves one call.
    /// </summary>
    public sealed class WithStartWorkflowOperation
    {
        private readonly TaskCompletionSource<WorkflowHandle> handle = new TaskCompletionSource<WorkflowHandle>(
            TaskCreationOptions.RunContinuationsAsynchronously);

        private readonly Dictionary<string, object> request;
        private int used;

        private WithStartWorkflowOperation(string workflow, Dictionary<string, object> request)
        {
            Workflow = workflow;
            this.request = request;
        }

        /// <summary>The workflow type name.</summary>
        public string Workflow { get; private set; }

        /// <summary>Whether the operation has been passed to an update-with-start call.</summary>
        public bool IsUsed
        {
            get { return Volatile.Read(ref used) != 0; }
        }

        /// <summary>
        /// Describes the workflow to start. The options are read now (later
        /// changes to them do not apply); <see cref="WorkflowOptions.IdConflictPolicy"/>
        /// is required and decides what happens when a run with the id is
        /// open (<see cref="WorkflowIdConflictPolicy.UseExisting"/>: the update
        /// goes to it; <see cref="WorkflowIdConflictPolicy.Fail"/>: the call throws
        /// <see cref="WorkflowAlreadyStartedException"/>).
        /// </summary>
        /// <param name="workflow">The workflow type name.</param>
        /// <param name="args">The workflow's arguments: JSON-serializable values or <see cref="RawJson"/>; null for none.</param>
        /// <param name="options">Id, task queue, conflict policy and the other start options.</param>
        /// <exception cref="ArgumentException">A required option is missing, or the options are a signal-with-start.</exception>
        public static WithStartWorkflowOperation Create(string workflow, IReadOnlyCollection<object> args, WorkflowOptions options)
        {
            Require.NotEmpty(workflow, "workflow", "A workflow type is required");
            Require.NotNull(options, "options");
            if (options.IdConflictPolicy == WorkflowIdConflictPolicy.Unspecified)
            {
                throw new ArgumentException("WorkflowOptions.IdConflictPolicy is required for update-with-start", "options");
            }
            if (options.StartSignal != null)
            {
                throw new ArgumentException("An update-with-start cannot also be a signal-with-start", "options");
            }
            return new WithStartWorkflowOperation(workflow, options.ToRequest(workflow, args));
        }

        /// <summary>
        /// The handle of the workflow the update went to (started by the call
        /// or already running), once the call is done; throws the call's
        /// error when the start failed (for example <see cref="WorkflowAlreadyStartedException"/>).
        /// </summary>
        /// <exception cref="InvalidOperationException">The operation has not been passed to an update-with-start call yet.</exception>
        public Task<WorkflowHandle> GetHandleAsync()
        {
            if (!IsUsed)
            {
                throw new InvalidOperationException("The operation has not been used in an update-with-start call yet");
            }
            return handle.Task;
        }

        /// <summary>Marks the operation used and returns a copy of its start request; throws when it was used before.</summary>
        internal Dictionary<string, object> Claim()
        {
            if (Interlocked.Exchange(ref used, 1) != 0)
            {
                throw new InvalidOperationException("A WithStartWorkflowOperation serves one call; create another");
            }
            return new Dictionary<string, object>(request);
        }

        /// <summary>Completes <see cref="GetHandleAsync"/> with the workflow's handle.</summary>
        internal void SetHandle(WorkflowHandle workflow)
        {
            handle.TrySetResult(workflow);
        }

        /// <summary>Completes <see cref="GetHandleAsync"/> with the call's error.</summary>
        internal void SetError(Exception error)
        {
            handle.TrySetException(error);
        }
    }
}
