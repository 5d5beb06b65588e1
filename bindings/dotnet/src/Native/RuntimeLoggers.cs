using System;
using System.Collections.Concurrent;
using System.Threading;
using TemporalCapi.Json;

namespace TemporalCapi.Native
{
    /// <summary>
    /// The loggers of <see cref="TemporalRuntime.SetLogger"/>, keyed by the
    /// <c>user_data</c> each runtime registered with.
    /// </summary>
    /// <remarks>
    /// One static callback delegate serves every runtime, so the function
    /// pointer the library holds never dies; replacing or removing a logger
    /// only changes this table (a record already on its way to a removed
    /// logger is dropped).
    /// </remarks>
    internal static class RuntimeLoggers
    {
        private static readonly ConcurrentDictionary<int, Action<TemporalLogRecord>> Loggers =
            new ConcurrentDictionary<int, Action<TemporalLogRecord>>();

        private static int nextKey;

        /// <summary>The callback passed to <c>tc_runtime_set_logger</c>.</summary>
        internal static readonly NativeMethods.Callback Callback = Deliver;

        /// <summary>A key for a runtime's logger, unique in the process.</summary>
        internal static int NewKey()
        {
            return Interlocked.Increment(ref nextKey);
        }

        /// <summary>Sets (or, with null, removes) the logger under <paramref name="key"/>.</summary>
        internal static void Set(int key, Action<TemporalLogRecord> logger)
        {
            if (logger == null)
            {
                Action<TemporalLogRecord> removed;
                Loggers.TryRemove(key, out removed);
            }
            else
            {
                Loggers[key] = logger;
            }
        }

        private static void Deliver(IntPtr userData, int status, IntPtr json, UIntPtr jsonLength)
        {
            PendingCall.MarkBackground();
            Action<TemporalLogRecord> logger;
            if (!Loggers.TryGetValue(unchecked((int)userData.ToInt64()), out logger))
            {
                return;
            }
            try
            {
                logger(new TemporalLogRecord(JsonFields.ParseObject(Utf8.Decode(json, jsonLength))));
            }
            catch (Exception)
            {
                // Nothing may unwind into the library; a failing logger loses its record.
            }
        }
    }
}
