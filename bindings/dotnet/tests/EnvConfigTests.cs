using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary><see cref="ClientEnvConfig"/> over tc_envconfig_load.</summary>
    [TestFixture]
    public class EnvConfigTests
    {
        private string configFile;

        [SetUp]
        public void WriteConfigFile()
        {
            configFile = Path.Combine(Path.GetTempPath(), TestEnvironment.NewId("config") + ".toml");
            File.WriteAllText(configFile, string.Join("\n", new[]
            {
                "[profile.default]",
                "address = \"" + TestEnvironment.Address + "\"",
                "namespace = \"" + TestEnvironment.Namespace + "\"",
                "[profile.default.grpc_meta]",
                "x-from-profile = \"yes\"",
                "",
                "[profile.cloud]",
                "address = \"example.invalid:7233\"",
                "namespace = \"cloud-ns\"",
                "api_key = \"secret\"",
                "[profile.cloud.tls]",
                "server_name = \"example.invalid\"",
                "client_cert_path = \"/certs/client.pem\"",
                "client_key_path = \"/certs/client.key\"",
                "",
                "[profile.plain]",
                "address = \"localhost:1\"",
                "api_key = \"k\"",
                "[profile.plain.tls]",
                "disabled = true",
                "",
            }));
        }

        [TearDown]
        public void DeleteConfigFile()
        {
            File.Delete(configFile);
        }

        [Test]
        public async Task LoadsAProfileAndConnectsWithIt()
        {
            var options = ClientEnvConfig.LoadClientConnectOptions("default", configFile);
            Assert.AreEqual(TestEnvironment.Address, options.TargetHost);
            Assert.AreEqual(TestEnvironment.Namespace, options.Namespace);
            Assert.IsNull(options.ApiKey);
            Assert.IsNull(options.Tls);
            CollectionAssert.AreEqual(
                new[] { new KeyValuePair<string, string>("x-from-profile", "yes") }, options.RpcMetadata.ToArray());
            using (var client = await TemporalClient.ConnectAsync(options))
            {
                var handle = await client.StartWorkflowAsync("Echo", TestEnvironment.Args("env"), TestEnvironment.Options("envconfig"));
                Assert.AreEqual("env", await handle.GetResultAsync<string>());
            }
        }

        [Test]
        public void LoadsApiKeyAndTlsSettings()
        {
            var options = ClientEnvConfig.LoadClientConnectOptions(
                new ClientEnvConfig.ProfileLoadOptions { Profile = "cloud", ConfigFile = configFile, DisableEnv = true });
            Assert.AreEqual("example.invalid:7233", options.TargetHost);
            Assert.AreEqual("cloud-ns", options.Namespace);
            Assert.AreEqual("secret", options.ApiKey);
            Assert.IsFalse(options.Tls.Disabled);
            Assert.AreEqual("example.invalid", options.Tls.Domain);
            Assert.AreEqual("/certs/client.pem", options.Tls.ClientCertPath);
            Assert.AreEqual("/certs/client.key", options.Tls.ClientPrivateKeyPath);
            Assert.IsNull(options.Tls.ClientCert);
        }

        [Test]
        public void LoadsDisabledTls()
        {
            var options = ClientEnvConfig.LoadClientConnectOptions("plain", configFile);
            Assert.IsTrue(options.Tls.Disabled);
            Assert.AreEqual("k", options.ApiKey);
        }

        [Test]
        public void LoadsDisabledHostVerification()
        {
            var options = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                ConfigData = "[profile.default]\naddress = \"a:1\"\n[profile.default.tls]\ndisable_host_verification = true\n",
            });
            Assert.IsTrue(options.Tls.DisableHostVerification);
            Assert.AreEqual(true, ((Dictionary<string, object>)options.Tls.ToJson())["disable_host_verification"]);
        }

        [Test]
        public void EnvironmentVariablesOverrideTheFile()
        {
            var options = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                Profile = "plain",
                ConfigFile = configFile,
                OverrideEnvVars = new Dictionary<string, string>
                {
                    { "TEMPORAL_ADDRESS", "override.example:7233" },
                    { "TEMPORAL_NAMESPACE", "from-env" },
                },
            });
            Assert.AreEqual("override.example:7233", options.TargetHost);
            Assert.AreEqual("from-env", options.Namespace);

            var fileOnly = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                Profile = "plain",
                ConfigFile = configFile,
                DisableEnv = true,
                OverrideEnvVars = new Dictionary<string, string> { { "TEMPORAL_ADDRESS", "ignored:1" } },
            });
            Assert.AreEqual("localhost:1", fileOnly.TargetHost);
        }

        [Test]
        public void LoadsInlineTomlAndEnvironmentOnly()
        {
            var inline = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                ConfigData = "[profile.default]\naddress = \"inline:7233\"\n",
                OverrideEnvVars = new Dictionary<string, string>(),
            });
            Assert.AreEqual("inline:7233", inline.TargetHost);

            var envOnly = ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                DisableFile = true,
                OverrideEnvVars = new Dictionary<string, string> { { "TEMPORAL_ADDRESS", "env-only:7233" } },
            });
            Assert.AreEqual("env-only:7233", envOnly.TargetHost);
        }

        [Test]
        public void AMissingProfileOrABadFileIsAConfigError()
        {
            Assert.Throws<ConfigException>(() => ClientEnvConfig.LoadClientConnectOptions("no-such-profile", configFile));
            Assert.Throws<ConfigException>(() => ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                ConfigData = "[profile.default]\nunknown_key = 1\n",
                ConfigFileStrict = true,
            }));
            Assert.Throws<ConfigException>(() => ClientEnvConfig.LoadClientConnectOptions(new ClientEnvConfig.ProfileLoadOptions
            {
                ConfigData = "this is not toml",
            }));
        }
    }
}
