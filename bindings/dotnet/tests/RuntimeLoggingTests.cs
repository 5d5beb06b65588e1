using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>TemporalRuntime.SetLogger forwards the library's log records.</summary>
    [TestFixture]
    public class RuntimeLoggingTests
    {
        [Test]
        public async Task LibraryLogsReachTheLoggerUntilItIsTurnedOff()
        {
            var records = new ConcurrentQueue<TemporalLogRecord>();
            using (var runtime = new TemporalRuntime(new TemporalRuntimeOptions()))
            {
                runtime.SetLogger(TemporalLogLevel.Debug, records.Enqueue);
                var options = TestEnvironment.ConnectOptions();
                options.Runtime = runtime;
                using (var client = await TemporalClient.ConnectAsync(options))
                {
                    // The result wait outlasts the dev server's 3 s long poll, which the library logs.
                    var handle = await client.StartWorkflowAsync("Sleep", TestEnvironment.Args(4), TestEnvironment.Options("logs"));
                    await handle.GetResultAsync();
                    var polls = records.Where(r => r.Message.Contains("long poll")).ToList();
                    Assert.IsNotEmpty(polls, "the long poll was logged");
                    Assert.AreEqual(TemporalLogLevel.Debug, polls[0].Level);
                    Assert.AreEqual(handle.Id, polls[0].Fields["workflow_id"].ToValue<string>());
                    Assert.IsNotEmpty(polls[0].Target);
                    Assert.IsNotNull(polls[0].Timestamp);

                    runtime.SetLogger(TemporalLogLevel.Off, null);
                    var before = records.Count;
                    var quiet = await client.StartWorkflowAsync("Sleep", TestEnvironment.Args(4), TestEnvironment.Options("logs-off"));
                    await quiet.GetResultAsync();
                    Assert.AreEqual(before, records.Count, "no record after the logger was turned off");
                }
            }
        }

        [Test]
        public void BadLoggerArgumentsThrow()
        {
            var runtime = new TemporalRuntime(new TemporalRuntimeOptions());
            Assert.Throws<ArgumentNullException>(() => runtime.SetLogger(TemporalLogLevel.Warn, null));
            Assert.Throws<ArgumentOutOfRangeException>(() => runtime.SetLogger((TemporalLogLevel)42, r => { }));
            runtime.Dispose();
            Assert.Throws<ObjectDisposedException>(() => runtime.SetLogger(TemporalLogLevel.Warn, r => { }));
        }
    }
}
