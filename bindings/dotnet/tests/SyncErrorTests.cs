using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// The synchronous exports (docs/ABI.md, "Synchronous errors") throw the
    /// exception built from the library's own error object, and succeed
    /// otherwise; a failure that comes without one maps by its result code.
    /// </summary>
    [TestFixture]
    public class SyncErrorTests
    {
        [Test]
        public void AnUnknownLogLevelThrowsTheLibrarysError()
        {
            using (var runtime = new TemporalRuntime(new TemporalRuntimeOptions()))
            {
                var e = Assert.Throws<InvalidArgumentException>(() => runtime.SetLoggerByName("verbose", r => { }));
                StringAssert.Contains("verbose", ErrorObject(e, "invalid_argument"));
                runtime.SetLoggerByName("trace", r => { });
                runtime.SetLogger(TemporalLogLevel.Off, null);
            }
        }

        [Test]
        public async Task AnInvalidHeaderThrowsTheLibrarysErrorAndIsNotKept()
        {
            using (var client = await TestEnvironment.ConnectAsync())
            {
                var kept = new Dictionary<string, string> { { "x-kept", "1" } };
                client.Connection.RpcMetadata = kept;
                var e = Assert.Throws<InvalidArgumentException>(
                    () => client.Connection.RpcMetadata = new Dictionary<string, string> { { "bad header name", "v" } });
                StringAssert.Contains("bad header name", ErrorObject(e, "invalid_argument"));
                Assert.AreSame(kept, client.Connection.RpcMetadata, "a rejected value is not kept");
            }
        }

        [Test]
        public async Task AnApiKeyWithAControlCharacterThrowsTheLibrarysErrorAndIsNotKept()
        {
            using (var client = await TestEnvironment.ConnectAsync())
            {
                client.Connection.ApiKey = "good-key";
                var e = Assert.Throws<InvalidArgumentException>(() => client.Connection.ApiKey = "line\nbreak");
                ErrorObject(e, "invalid_argument");
                StringAssert.DoesNotContain("line", e.Message, "the key is a secret");
                Assert.AreEqual("good-key", client.Connection.ApiKey, "a rejected key is not kept");
            }
        }

        [Test]
        public void MalformedEnvConfigOptionsOrTomlThrowTheLibrarysError()
        {
            var options = Assert.Throws<InvalidArgumentException>(
                () => ClientEnvConfig.Load(new Dictionary<string, object> { { "no_such_option", 1 } }));
            ErrorObject(options, "invalid_argument");
            Assert.AreEqual("no_such_option", options.ParamName);

            var toml = Assert.Throws<ConfigException>(() => ClientEnvConfig.LoadClientConnectOptions(
                new ClientEnvConfig.ProfileLoadOptions { ConfigData = "not [toml" }));
            StringAssert.Contains("TOML", ErrorObject(toml, "config_error"));

            var loaded = ClientEnvConfig.Load(new Dictionary<string, object> { { "config_data", "[profile.default]\naddress = \"a:1\"\n" } });
            Assert.AreEqual("a:1", loaded["address"]);
        }

        [Test]
        public void ANullArgumentThrowsInvalidArgumentExceptionWithTheLibrarysMessage()
        {
            var e = Assert.Throws<InvalidArgumentException>(
                () => SyncCall.Run((ref IntPtr error) => tc_client_update_api_key(IntPtr.Zero, null, UIntPtr.Zero, ref error)));
            StringAssert.Contains("client", ErrorObject(e, "invalid_argument"));
        }

        [Test]
        public void AnAsynchronousCallRefusedWithANullArgumentThrowsInvalidArgumentException()
        {
            int before = PendingCall.Count;
            NativeMethods.Operation refuses = (client, json, length, cancel, callback, userData) => 1;
            var e = Assert.Throws<InvalidArgumentException>(
                () => PendingCall.Run(TestEnvironment.Client.Connection.Handle, refuses, new byte[0], CancellationToken.None));
            StringAssert.Contains("NullArgument", ErrorObject(e, "invalid_argument"));
            Assert.AreEqual(before, PendingCall.Count, "no callback is awaited");
        }

        [TestCase(1, typeof(InvalidArgumentException))]
        [TestCase(3, typeof(InternalException))]
        [TestCase(4, typeof(ObjectDisposedException))]
        public void AFailureWithoutAnErrorObjectStillMapsByItsResult(int result, Type expected)
        {
            var e = Assert.Catch(() => SyncCall.Run((ref IntPtr error) => result));
            Assert.AreEqual(expected, e.GetType());
            StringAssert.Contains(((NativeResult)result).ToString(), e.Message);
        }

        /// <summary>Asserts <paramref name="e"/> was built from an error object with <paramref name="code"/> (kept in its Data); returns its message.</summary>
        private static string ErrorObject(Exception e, string code)
        {
            var error = JsonFields.ParseObject((string)e.Data[TemporalException.ErrorDataKey]);
            Assert.AreEqual(code, error["code"]);
            Assert.AreEqual(error["message"], e.Message.Split(new[] { Environment.NewLine }, StringSplitOptions.None)[0]);
            return e.Message;
        }

        /// <summary>The export with a raw client pointer, so that a test can pass NULL.</summary>
        [DllImport("temporal_capi", CallingConvention = CallingConvention.Cdecl)]
        private static extern int tc_client_update_api_key(IntPtr client, byte[] apiKey, UIntPtr length, ref IntPtr errorJson);
    }
}
