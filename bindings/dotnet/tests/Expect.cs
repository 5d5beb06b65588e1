using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TemporalCapi.Tests
{
    /// <summary>Assertions NUnit 2.6 lacks for asynchronous code.</summary>
    internal static class Expect
    {
        /// <summary>Awaits <paramref name="action"/> and asserts it throws exactly <typeparamref name="T"/>.</summary>
        internal static async Task<T> ThrowsAsync<T>(Func<Task> action)
            where T : Exception
        {
            try
            {
                await action();
            }
            catch (Exception e)
            {
                Assert.AreEqual(typeof(T), e.GetType(), "unexpected exception: " + e);
                return (T)e;
            }
            Assert.Fail("expected " + typeof(T).Name + ", but nothing was thrown");
            return null;
        }

        /// <summary>Awaits <paramref name="action"/> and asserts it throws an <see cref="RpcException"/> with <see cref="RpcException.StatusCode.NotFound"/>.</summary>
        internal static async Task<RpcException> NotFoundAsync(Func<Task> action)
        {
            var e = await ThrowsAsync<RpcException>(action);
            Assert.AreEqual(RpcException.StatusCode.NotFound, e.Code, e.Message);
            return e;
        }

        /// <summary>Awaits <paramref name="task"/> and asserts it ends cancelled (an <see cref="OperationCanceledException"/>).</summary>
        internal static async Task<OperationCanceledException> CanceledAsync(Task task)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException e)
            {
                Assert.IsTrue(task.IsCanceled, "the task should end in the Canceled state");
                return e;
            }
            Assert.Fail("expected the task to be cancelled, but it completed");
            return null;
        }
    }
}
