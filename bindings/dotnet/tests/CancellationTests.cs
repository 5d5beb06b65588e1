using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary><see cref="CancellationToken"/>s cancel native calls through TcCancel.</summary>
    [TestFixture]
    public class CancellationTests : ServerFixture
    {
        [Test]
        public async Task CancellingStopsTheWaitButNotTheWorkflow()
        {
            var handle = await StartAsync("Forever", "cancel-wait");
            using (var source = new CancellationTokenSource())
            {
                var wait = handle.GetResultAsync(true, source.Token);
                source.Cancel();
                var e = await Expect.CanceledAsync(wait);
                Assert.AreEqual(source.Token, e.CancellationToken);
            }
            Assert.AreEqual(WorkflowExecutionStatus.Running, (await handle.DescribeAsync()).Status);
            await handle.TerminateAsync();
        }

        [Test]
        public async Task OneTokenCancelsManyCalls()
        {
            var handle = await StartAsync("Forever", "cancel-many");
            using (var source = new CancellationTokenSource())
            {
                var waits = Enumerable.Range(0, 20).Select(i => handle.GetResultAsync(true, source.Token)).ToArray();
                source.Cancel();
                foreach (var wait in waits)
                {
                    await Expect.CanceledAsync(wait);
                }
            }
            await handle.TerminateAsync();
        }

        [Test]
        public async Task AnAlreadyCancelledTokenNeverReachesTheLibrary()
        {
            int before = PendingCall.Count;
            var task = Client.GetWorkflowHandle("never-called").DescribeAsync(new CancellationToken(true));
            Assert.AreEqual(before, PendingCall.Count);
            await Expect.CanceledAsync(task);
        }

        [Test]
        public async Task CancellingAfterCompletionIsHarmless()
        {
            using (var source = new CancellationTokenSource())
            {
                var handle = await Client.StartWorkflowAsync("Echo", TestEnvironment.Args("ok"), TestEnvironment.Options("late-cancel"), source.Token);
                Assert.AreEqual("ok", await handle.GetResultAsync<string>(true, source.Token));
                source.Cancel();
                Assert.AreEqual("ok", await handle.GetResultAsync<string>());
            }
        }

        [Test]
        public async Task ConnectCanBeCancelled()
        {
            // A listener that never answers: the connect stays pending until cancelled.
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                using (var source = new CancellationTokenSource())
                {
                    var options = new TemporalClientConnectOptions("127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port);
                    var connect = TemporalClient.ConnectAsync(options, source.Token);
                    source.Cancel();
                    var e = await Expect.CanceledAsync(connect);
                    Assert.AreEqual(source.Token, e.CancellationToken);
                }
            }
            finally
            {
                silent.Stop();
            }
        }
    }
}
