using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// Records every reply of the library during the run (each completion,
    /// and the error object of every synchronous export that fails) as one
    /// JSON line <c>{"export", "status", "json"}</c> in the file named by
    /// TC_TEST_REPLIES; tests/dotnet.rs validates each line against
    /// include/temporal_capi.schema.json after NUnit passed. Observes the
    /// binding through <see cref="ReplyObserver"/>; as a set-up fixture of
    /// this namespace it is active around every test.
    /// </summary>
    [SetUpFixture]
    public class ReplyRecorder
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, long> Counts = new Dictionary<string, long>();
        private static StreamWriter writer;

        /// <summary>Whether replies are being written to the TC_TEST_REPLIES file.</summary>
        internal static bool Recording
        {
            get
            {
                lock (Gate)
                {
                    return writer != null;
                }
            }
        }

        /// <summary>Replies recorded so far of <paramref name="export"/> (null: synchronous error objects).</summary>
        internal static long Count(string export)
        {
            lock (Gate)
            {
                long count;
                return Counts.TryGetValue(export ?? "", out count) ? count : 0;
            }
        }

        [SetUp]
        public void StartRecording()
        {
            var path = Environment.GetEnvironmentVariable("TC_TEST_REPLIES");
            lock (Gate)
            {
                if (!string.IsNullOrEmpty(path))
                {
                    writer = new StreamWriter(path, false, new UTF8Encoding(false)) { AutoFlush = true };
                }
            }
            ReplyObserver.Replied += Record;
        }

        [TearDown]
        public void StopRecording()
        {
            ReplyObserver.Replied -= Record;
            lock (Gate)
            {
                if (writer != null)
                {
                    writer.Dispose();
                    writer = null;
                }
            }
        }

        private static void Record(string export, NativeStatus status, string json)
        {
            var line = JsonWriter.Serialize(new Dictionary<string, object>
            {
                { "export", export },
                { "status", (int)status },
                { "json", json },
            });
            lock (Gate)
            {
                long count;
                Counts.TryGetValue(export ?? "", out count);
                Counts[export ?? ""] = count + 1;
                if (writer != null)
                {
                    writer.WriteLine(line);
                }
            }
        }
    }
}
