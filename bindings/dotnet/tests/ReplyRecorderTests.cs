using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary><see cref="ReplyRecorder"/> sees the replies of the tests, with the export that made each.</summary>
    [TestFixture]
    public class ReplyRecorderTests
    {
        [Test]
        public async Task RepliesAreRecordedWithTheirExport()
        {
            Assert.IsTrue(ReplyRecorder.Recording, "TC_TEST_REPLIES names the file replies are recorded to");
            long connects = ReplyRecorder.Count("tc_client_connect");
            long counts = ReplyRecorder.Count("tc_workflow_count");
            long syncErrors = ReplyRecorder.Count(null);
            using (var client = await TestEnvironment.ConnectAsync())
            {
                await client.CountWorkflowsAsync(null);
            }
            Assert.Throws<ConfigException>(() => ClientEnvConfig.LoadClientConnectOptions(
                new ClientEnvConfig.ProfileLoadOptions { Profile = "no-such-profile", ConfigData = "[profile.default]\n", DisableEnv = true }));
            Assert.AreEqual(connects + 1, ReplyRecorder.Count("tc_client_connect"));
            Assert.AreEqual(counts + 1, ReplyRecorder.Count("tc_workflow_count"));
            Assert.AreEqual(syncErrors + 1, ReplyRecorder.Count(null), "the error object of tc_envconfig_load");
        }
    }
}
