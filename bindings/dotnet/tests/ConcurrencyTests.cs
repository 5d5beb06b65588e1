using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary>Many calls in flight at once.</summary>
    [TestFixture]
    public class ConcurrencyTests
    {
        private const int Count = 1000;

        [Test]
        public async Task AThousandConcurrentStartsAndResults()
        {
            int before = PendingCall.Count;
            var client = TestEnvironment.Client;
            string prefix = TestEnvironment.NewId("many");
            var handles = await Task.WhenAll(Enumerable.Range(0, Count).Select(
                i => client.StartWorkflowAsync("Echo", TestEnvironment.Args(i), new WorkflowOptions(prefix + "-" + i, TestEnvironment.TaskQueue))));
            Assert.AreEqual(Count, handles.Length);
            Assert.AreEqual(Count, handles.Select(h => h.ResultRunId).Distinct().Count());
            for (int i = 0; i < Count; i++)
            {
                Assert.AreEqual(prefix + "-" + i, handles[i].Id);
            }

            var results = await Task.WhenAll(handles.Select(h => h.GetResultAsync<int>()));
            CollectionAssert.AreEqual(Enumerable.Range(0, Count).ToArray(), results);
            Assert.AreEqual(before, PendingCall.Count, "every callback fired and left the registry");
        }
    }
}
