using System;
using System.Threading;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// The native threads every client call runs on. Clients use
    /// <see cref="Default"/> unless <see cref="TemporalClientConnectOptions.Runtime"/>
    /// names another one.
    /// </summary>
    public sealed class TemporalRuntime : IDisposable
    {
        private static readonly Lazy<TemporalRuntime> DefaultRuntime =
            new Lazy<TemporalRuntime>(() => new TemporalRuntime(null, true), LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly RuntimeHandle handle;
        private readonly bool isDefault;
        private readonly int loggerKey = RuntimeLoggers.NewKey();
        private int disposed;

        /// <summary>Creates a runtime.</summary>
        /// <exception cref="InvalidArgumentException">The options were rejected.</exception>
        public TemporalRuntime(TemporalRuntimeOptions options)
            : this(options, false)
        {
        }

        private TemporalRuntime(TemporalRuntimeOptions options, bool isDefault)
        {
            AbiCheck.Ensure();
            this.isDefault = isDefault;
            var json = Utf8.Encode(JsonWriter.Serialize((options ?? new TemporalRuntimeOptions()).ToJson()));
            RuntimeHandle created = null;
            try
            {
                SyncCall.Run((ref IntPtr error) => NativeMethods.tc_runtime_new(json, Utf8.Length(json), out created, ref error));
            }
            catch
            {
                if (created != null)
                {
                    created.Dispose();
                }
                throw;
            }
            handle = created;
            LiveRuntimes.Add(handle);
        }

        /// <summary>
        /// The process-wide runtime, created on first use and never disposed
        /// (on Mono and .NET Framework it shuts down when its AppDomain unloads).
        /// </summary>
        public static TemporalRuntime Default
        {
            get { return DefaultRuntime.Value; }
        }

        /// <summary>The version of the loaded native library (<c>tc_version()</c>).</summary>
        public static string LibraryVersion
        {
            get
            {
                AbiCheck.Ensure();
                return Utf8.DecodeNulTerminated(NativeMethods.tc_version());
            }
        }

        /// <summary>
        /// Forwards the library's log records at <paramref name="level"/> and
        /// above to <paramref name="logger"/>, replacing any earlier logger of
        /// this runtime; <see cref="TemporalLogLevel.Off"/> removes it. The
        /// logger runs on the library thread that logged: it must be quick and
        /// thread-safe, and an exception it throws only loses that record.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null and the level is not Off.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined level.</exception>
        /// <exception cref="ObjectDisposedException">The runtime was disposed.</exception>
        public void SetLogger(TemporalLogLevel level, Action<TemporalLogRecord> logger)
        {
            if (!Enum.IsDefined(typeof(TemporalLogLevel), level))
            {
                throw new ArgumentOutOfRangeException("level", level, "Not a TemporalLogLevel");
            }
            if (logger == null && level != TemporalLogLevel.Off)
            {
                throw new ArgumentNullException("logger");
            }
            SetLoggerByName(level.ToString().ToLowerInvariant(), level == TemporalLogLevel.Off ? null : logger);
        }

        /// <summary>
        /// <see cref="SetLogger(TemporalLogLevel, Action{TemporalLogRecord})"/>
        /// with the library's name of the level (<c>off</c>, <c>error</c>, ...,
        /// <c>trace</c>); null <paramref name="logger"/> only with <c>off</c>.
        /// </summary>
        /// <exception cref="InvalidArgumentException">The library does not know the level.</exception>
        /// <exception cref="ObjectDisposedException">The runtime was disposed.</exception>
        internal void SetLoggerByName(string level, Action<TemporalLogRecord> logger)
        {
            ThrowIfDisposed();
            var name = Utf8.Encode(level);
            SyncCall.Run((ref IntPtr error) => NativeMethods.tc_runtime_set_logger(
                handle, name, Utf8.Length(name), RuntimeLoggers.Callback, new IntPtr(loggerKey), ref error));
            RuntimeLoggers.Set(loggerKey, logger);
        }

        /// <summary>The native handle.</summary>
        internal RuntimeHandle Handle
        {
            get { return handle; }
        }

        /// <summary>
        /// Shuts the runtime down: every call still pending on it completes
        /// with <see cref="OperationCanceledException"/> before this returns,
        /// and later calls of its clients throw <see cref="ObjectDisposedException"/>.
        /// A connect still in progress on it completes first; the runtime
        /// shuts down when it has.
        /// </summary>
        /// <exception cref="InvalidOperationException">This is <see cref="Default"/>.</exception>
        public void Dispose()
        {
            if (isDefault)
            {
                throw new InvalidOperationException("The default TemporalRuntime lives as long as the process");
            }
            Interlocked.Exchange(ref disposed, 1);
            handle.Dispose();
        }

        /// <summary>Throws once <see cref="Dispose"/> was called (see <see cref="TemporalConnection.ThrowIfDisposed"/>).</summary>
        internal void ThrowIfDisposed()
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                throw new ObjectDisposedException("TemporalRuntime");
            }
        }
    }
}
