using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary>Disposal and garbage collection while calls are in flight.</summary>
    [TestFixture]
    public class LifetimeTests
    {
        private const int Calls = 20;

        [Test]
        public async Task CallsCompleteAfterTheirClientIsDisposedAndCollected()
        {
            var client = await TestEnvironment.ConnectAsync();
            var handles = await StartWaiting(client, "dispose-client");
            var results = handles.Select(h => h.GetResultAsync<SignalsResult>()).ToArray();
            client.Dispose();
            Collect();

            await FinishAll(handles);
            var values = await Task.WhenAll(results);
            for (int i = 0; i < Calls; i++)
            {
                Assert.AreEqual(i, values[i].Finish);
            }

            await Expect.ThrowsAsync<ObjectDisposedException>(
                () => client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), TestEnvironment.Options("disposed")));
            Assert.Throws<ObjectDisposedException>(() => client.Connection.ApiKey = "k");
            Assert.Throws<ObjectDisposedException>(() => client.Connection.RpcMetadata = null);
        }

        [Test]
        public async Task AbandonedCallsStillCompleteSafelyAfterCollection()
        {
            int before = PendingCall.Count;
            var ids = await StartAbandonedWaits();
            Assert.AreEqual(before + Calls, PendingCall.Count);
            Collect();

            await FinishAll(ids.Select(id => TestEnvironment.Client.GetWorkflowHandle(id)).ToArray());
            foreach (var id in ids)
            {
                await TestEnvironment.Client.GetWorkflowHandle(id).GetResultAsync();
            }
            // The abandoned waits saw the same close events; their callbacks drain the registry.
            while (PendingCall.Count > before)
            {
                await Task.Delay(50);
            }
            Collect();
            Assert.AreEqual(before, PendingCall.Count);
        }

        [Test]
        public async Task DisposingARuntimeCancelsItsPendingCalls()
        {
            var runtime = new TemporalRuntime(new TemporalRuntimeOptions { WorkerThreads = 1 });
            var options = TestEnvironment.ConnectOptions();
            options.Runtime = runtime;
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var handle = await client.StartWorkflowAsync("Forever", null, TestEnvironment.Options("runtime-dispose"));
                var waits = Enumerable.Range(0, Calls).Select(i => handle.GetResultAsync()).ToArray();
                runtime.Dispose();
                foreach (var wait in waits)
                {
                    var e = await Expect.CanceledAsync(wait);
                    Assert.IsFalse(e.CancellationToken.CanBeCanceled, "cancelled by the shutdown, not by a token");
                }
                await Expect.ThrowsAsync<ObjectDisposedException>(() => handle.DescribeAsync());
                await Expect.ThrowsAsync<ObjectDisposedException>(() => TemporalClient.ConnectAsync(options));
                await TestEnvironment.Client.GetWorkflowHandle(handle.Id).TerminateAsync();
            }
        }

        [Test]
        public async Task UnreferencedRuntimesAndClientsAreFinalizedSafely()
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual("fin", await RunOnThrowawayRuntime());
                Collect();
            }
        }

        /// <summary>A runtime and client that nothing references once this returns.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<string> RunOnThrowawayRuntime()
        {
            var options = TestEnvironment.ConnectOptions();
            options.Runtime = new TemporalRuntime(new TemporalRuntimeOptions { WorkerThreads = 1 });
            var client = await TemporalClient.ConnectAsync(options);
            var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args("fin"), TestEnvironment.Options("finalize"));
            return await handle.GetResultAsync<string>();
        }

        /// <summary>Starts waits on a client and drops every reference to it, its handles and the wait tasks.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<string[]> StartAbandonedWaits()
        {
            var client = await TestEnvironment.ConnectAsync();
            var handles = await StartWaiting(client, "abandoned");
            // Started, then dropped: only the library's pending calls know them.
            handles.Select(h => h.GetResultAsync()).ToList();
            return handles.Select(h => h.Id).ToArray();
        }

        private static async Task<WorkflowHandle[]> StartWaiting(TemporalClient client, string prefix)
        {
            return await Task.WhenAll(Enumerable.Range(0, Calls).Select(
                i => client.StartWorkflowAsync("WaitForSignal", null, TestEnvironment.Options(prefix))));
        }

        private static Task FinishAll(WorkflowHandle[] handles)
        {
            return Task.WhenAll(handles.Select((h, i) =>
                TestEnvironment.Client.GetWorkflowHandle(h.Id).SignalAsync("finish", TestEnvironment.Args(i))));
        }

        private static void Collect()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        /// <summary>The result of WaitForSignal.</summary>
        public class SignalsResult
        {
            /// <summary>The value of the <c>finish</c> signal.</summary>
            public int Finish { get; set; }
        }
    }
}
