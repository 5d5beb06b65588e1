using System;
using System.Collections.Generic;

namespace TemporalCapi.Native
{
    /// <summary>
    /// Shuts every runtime down when the AppDomain unloads (Mono and .NET
    /// Framework hosts such as NUnit 2 unload test domains) and when the
    /// process exits.
    /// </summary>
    /// <remarks>
    /// Library threads that called back are attached to the runtime as
    /// foreground threads on Mono, so both an unload and the end of
    /// <c>Main</c> would wait forever for them while they park in native code.
    /// Freeing the runtimes first ends those threads.
    /// </remarks>
    internal static class LiveRuntimes
    {
        private static readonly object Gate = new object();

        /// <summary>Long weak references: they still reach handles that await finalization.</summary>
        private static readonly List<WeakReference> Handles = new List<WeakReference>();

        static LiveRuntimes()
        {
            AppDomain.CurrentDomain.DomainUnload += (sender, args) => ShutDownAll();
            AppDomain.CurrentDomain.ProcessExit += (sender, args) => ShutDownAll();
        }

        /// <summary>Tracks a new runtime handle.</summary>
        internal static void Add(RuntimeHandle handle)
        {
            lock (Gate)
            {
                Handles.RemoveAll(reference => !reference.IsAlive);
                Handles.Add(new WeakReference(handle, true));
            }
        }

        private static void ShutDownAll()
        {
            var alive = new List<RuntimeHandle>();
            lock (Gate)
            {
                foreach (var reference in Handles)
                {
                    var handle = reference.Target as RuntimeHandle;
                    if (handle != null)
                    {
                        alive.Add(handle);
                    }
                }
                Handles.Clear();
            }
            foreach (var handle in alive)
            {
                handle.Dispose();
            }
        }
    }
}
