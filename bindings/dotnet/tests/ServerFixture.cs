using System.Threading.Tasks;

namespace TemporalCapi.Tests
{
    /// <summary>Base of the fixtures that run against the dev server and worker through the shared client.</summary>
    public abstract class ServerFixture
    {
        /// <summary>The shared client (<see cref="TestEnvironment.Client"/>).</summary>
        protected static TemporalClient Client
        {
            get { return TestEnvironment.Client; }
        }

        /// <summary>Starts <paramref name="workflow"/> on the worker's task queue with a fresh id made from <paramref name="idPrefix"/>.</summary>
        protected static Task<WorkflowHandle> StartAsync(string workflow, string idPrefix, params object[] args)
        {
            return Client.StartWorkflowAsync(workflow, args, TestEnvironment.Options(idPrefix));
        }

        /// <summary>Ends a WaitForSignal run with its <c>finish</c> signal carrying <paramref name="value"/> and returns its result.</summary>
        protected static async Task<TResult> FinishAsync<TResult>(WorkflowHandle handle, object value)
        {
            await handle.SignalAsync("finish", new[] { value });
            return await handle.GetResultAsync<TResult>();
        }
    }
}
