using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Waiting for state the server makes visible eventually (visibility listings, deletion).</summary>
    internal static class Eventually
    {
        /// <summary>How long a check may keep failing before its last failure is reported.</summary>
        internal static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Awaits <paramref name="check"/> until it returns without an NUnit
        /// assertion failure and returns its value; after
        /// <paramref name="deadline"/> (default <see cref="DefaultDeadline"/>)
        /// the last failure propagates.
        /// </summary>
        internal static async Task<T> Holds<T>(Func<Task<T>> check, TimeSpan? deadline = null)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return await check();
                }
                catch (AssertionException)
                {
                    if (clock.Elapsed > (deadline ?? DefaultDeadline))
                    {
                        throw;
                    }
                }
                await Task.Delay(200);
            }
        }

        /// <summary>Waits until describing the workflow says it does not exist (deletion completed).</summary>
        internal static Task Gone(WorkflowHandle handle, TimeSpan? deadline = null)
        {
            return Holds(
                async () =>
                {
                    try
                    {
                        await handle.DescribeAsync();
                    }
                    catch (RpcException e)
                    {
                        Assert.AreEqual(RpcException.StatusCode.NotFound, e.Code, e.ToString());
                        return true;
                    }
                    Assert.Fail("workflow " + handle.Id + " is still described");
                    return false;
                },
                deadline);
        }
    }
}
