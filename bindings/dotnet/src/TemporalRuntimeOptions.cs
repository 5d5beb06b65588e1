using System;
using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>Options of a <see cref="TemporalRuntime"/>.</summary>
    public sealed class TemporalRuntimeOptions
    {
        /// <summary>Number of worker threads; null for the library's default.</summary>
        public int? WorkerThreads { get; set; }

        /// <summary>How long disposing waits for background work; null for the library's default.</summary>
        public TimeSpan? ShutdownTimeout { get; set; }

        /// <summary>The <c>tc_runtime_new</c> options object.</summary>
        internal Dictionary<string, object> ToJson()
        {
            var json = new Dictionary<string, object>();
            json.Put("worker_threads", WorkerThreads);
            json.PutSeconds("shutdown_timeout", ShutdownTimeout);
            return json;
        }
    }
}
