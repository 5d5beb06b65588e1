using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Connecting, connection options, live credentials and runtimes.</summary>
    [TestFixture]
    public class ConnectTests
    {
        [Test]
        public void ReportsTheLibraryVersion()
        {
            Assert.AreEqual(TestEnvironment.LibraryVersion, TemporalRuntime.LibraryVersion);
        }

        [Test]
        public async Task ConnectsWithNamespaceAndIdentity()
        {
            var options = TestEnvironment.ConnectOptions();
            options.Identity = "dotnet-test-identity";
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                Assert.AreEqual(TestEnvironment.Namespace, client.Namespace);
                Assert.AreEqual("dotnet-test-identity", client.Connection.Identity);
                StringAssert.Contains(TestEnvironment.Address, client.Connection.TargetHost);
                Assert.IsNotNullOrEmpty(client.Connection.ServerVersion);
                Assert.AreSame(TemporalRuntime.Default, client.Connection.Runtime);
                var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args("hi"), TestEnvironment.Options("identity"));
                Assert.AreEqual("hi", await handle.GetResultAsync<string>());
            }
        }

        [Test]
        public async Task AnUnknownNamespaceIsNotFound()
        {
            var options = TestEnvironment.ConnectOptions();
            options.Namespace = "no-such-namespace";
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var e = await Expect.NotFoundAsync(
                    () => client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), TestEnvironment.Options("ns")));
                Assert.AreEqual("not_found", e.ErrorCode);
            }
        }

        [Test]
        public async Task ConnectOptionsAreCheckedBeforeConnecting()
        {
            var options = TestEnvironment.ConnectOptions();
            options.MaxLongPolls = 0;
            var e = await Expect.ThrowsAsync<InvalidArgumentException>(() => TemporalClient.ConnectAsync(options));
            Assert.AreEqual("max_long_polls", e.ParamName);
        }

        [Test]
        public async Task AClientWithoutCompressionWorks()
        {
            var options = TestEnvironment.ConnectOptions();
            options.GrpcCompression = GrpcCompression.None;
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args("plain"), TestEnvironment.Options("plain"));
                Assert.AreEqual("plain", await handle.GetResultAsync<string>());
            }
        }

        [Test]
        public async Task ABudgetOfOneLongPollStillCompletesEveryWait()
        {
            var options = TestEnvironment.ConnectOptions();
            options.MaxLongPolls = 1;
            options.ConnectTimeout = TimeSpan.FromSeconds(10);
            options.SecretHeaders = new[] { "X-Token" };
            options.RpcMetadata = new Dictionary<string, string> { { "x-token", "t0ken-value-for-tests" } };
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var handles = new List<WorkflowHandle>();
                for (var i = 0; i < 3; i++)
                {
                    handles.Add(await client.StartWorkflowAsync("Sleep", TestEnvironment.Args(2), TestEnvironment.Options("budget")));
                }
                var results = await Task.WhenAll(handles.Select(h => h.GetResultAsync<string>()));
                CollectionAssert.AreEqual(new[] { "slept", "slept", "slept" }, results);
            }
        }

        [Test]
        public async Task AClosedPortFailsToConnect()
        {
            var e = await Expect.ThrowsAsync<RpcException>(
                () => TemporalClient.ConnectAsync(new TemporalClientConnectOptions("127.0.0.1:" + ClosedPort())));
            Assert.AreEqual(RpcException.StatusCode.Unavailable, e.Code);
            Assert.AreEqual("connection_failed", e.ErrorCode);
        }

        [Test]
        public async Task AnApiKeyTurnsTlsOnUnlessDisabled()
        {
            // The dev server speaks plain text, so TLS (implied by the key) cannot connect.
            var withTls = TestEnvironment.ConnectOptions();
            withTls.ApiKey = "test-key";
            var e = await Expect.ThrowsAsync<RpcException>(() => TemporalClient.ConnectAsync(withTls));
            Assert.AreEqual(RpcException.StatusCode.Unavailable, e.Code);

            var plain = TestEnvironment.ConnectOptions();
            plain.ApiKey = "test-key";
            plain.Tls = new TlsOptions { Disabled = true };
            using (var client = await TemporalClient.ConnectAsync(plain))
            {
                Assert.AreEqual("test-key", client.Connection.ApiKey);
            }
        }

        [Test]
        public async Task TlsOptionsReachTheLibrary()
        {
            var both = TestEnvironment.ConnectOptions();
            both.Tls = new TlsOptions { ClientCert = "pem", ClientCertPath = "/path.pem" };
            var invalid = await Expect.ThrowsAsync<InvalidArgumentException>(() => TemporalClient.ConnectAsync(both));
            StringAssert.Contains("client_cert", invalid.Message);

            var missingFile = TestEnvironment.ConnectOptions();
            missingFile.Tls = new TlsOptions { ServerRootCACertPath = "/no/such/ca.pem" };
            await Expect.ThrowsAsync<ConfigException>(() => TemporalClient.ConnectAsync(missingFile));

            var anyHostName = TestEnvironment.ConnectOptions();
            anyHostName.Tls = new TlsOptions { ServerRootCACert = "not PEM", DisableHostVerification = true };
            var unusable = await Expect.ThrowsAsync<ConfigException>(() => TemporalClient.ConnectAsync(anyHostName));
            StringAssert.Contains("CA certificate", unusable.Message);

            var tlsOn = TestEnvironment.ConnectOptions();
            tlsOn.Tls = new TlsOptions { Domain = "localhost" };
            var refused = await Expect.ThrowsAsync<RpcException>(() => TemporalClient.ConnectAsync(tlsOn));
            Assert.AreEqual(RpcException.StatusCode.Unavailable, refused.Code);
        }

        [Test]
        public async Task RpcMetadataAndApiKeyCanBeReplacedLive()
        {
            var options = TestEnvironment.ConnectOptions();
            options.RpcMetadata = new Dictionary<string, string> { { "x-initial", "1" } };
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                Assert.AreSame(options.RpcMetadata, client.Connection.RpcMetadata);
                var replaced = new Dictionary<string, string> { { "x-test-header", "value" } };
                client.Connection.RpcMetadata = replaced;
                client.Connection.ApiKey = "rotated-key";
                Assert.AreSame(replaced, client.Connection.RpcMetadata);
                Assert.AreEqual("rotated-key", client.Connection.ApiKey);
                var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args(1), TestEnvironment.Options("headers"));
                Assert.AreEqual(1, await handle.GetResultAsync<int>());


                client.Connection.RpcMetadata = null;
                client.Connection.ApiKey = null;
                Assert.IsNull(client.Connection.RpcMetadata);
                Assert.IsNull(client.Connection.ApiKey);
                Assert.AreEqual(2, await (await client.StartWorkflowAsync(
                    "Echo", TestEnvironment.Args(2), TestEnvironment.Options("headers"))).GetResultAsync<int>());
            }
        }

        [Test]
        public async Task ARuntimeOfItsOwnRunsClients()
        {
            using (var runtime = new TemporalRuntime(new TemporalRuntimeOptions { WorkerThreads = 1, ShutdownTimeout = TimeSpan.FromSeconds(2) }))
            {
                var options = TestEnvironment.ConnectOptions();
                options.Runtime = runtime;
                using (var client = await TemporalClient.ConnectAsync(options))
                {
                    Assert.AreSame(runtime, client.Connection.Runtime);
                    var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args("rt"), TestEnvironment.Options("runtime"));
                    Assert.AreEqual("rt", await handle.GetResultAsync<string>());
                }
            }
        }

        [Test]
        public void InvalidRuntimeOptionsAreRejected()
        {
            var e = Assert.Throws<InvalidArgumentException>(() => new TemporalRuntime(new TemporalRuntimeOptions { WorkerThreads = 0 }));
            StringAssert.Contains("worker_threads", e.Message);
        }

        [Test]
        public void TheDefaultRuntimeCannotBeDisposed()
        {
            Assert.Throws<InvalidOperationException>(() => TemporalRuntime.Default.Dispose());
        }

        /// <summary>A loopback port nothing listens on (bound, then released).</summary>
        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
