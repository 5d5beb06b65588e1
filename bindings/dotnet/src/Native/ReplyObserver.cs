using System;

namespace TemporalCapi.Native
{
    /// <summary>
    /// Sees every reply of the library as it arrives, for the tests (they
    /// record them for tests/dotnet.rs, which validates each against
    /// include/temporal_capi.schema.json). Not part of the public API.
    /// </summary>
    internal static class ReplyObserver
    {
        /// <summary>
        /// Raised with every reply before it is delivered: the export
        /// (<c>tc_client_connect</c>, the operation's name, or null for the
        /// error object of a synchronous export), how it completed and its
        /// JSON text. Runs on the completing thread, often a library thread:
        /// a handler must be quick; what it throws is ignored.
        /// </summary>
        internal static event Action<string, NativeStatus, string> Replied;

        /// <summary>Whether anything observes replies (the export's name is only looked up then).</summary>
        internal static bool Active
        {
            get { return Replied != null; }
        }

        /// <summary>Raises <see cref="Replied"/>; never throws.</summary>
        internal static void Notify(string export, NativeStatus status, string json)
        {
            var handler = Replied;
            if (handler == null)
            {
                return;
            }
            try
            {
                handler(export, status, json);
            }
            catch (Exception)
            {
                // An observer must not keep a reply from its caller.
            }
        }
    }
}
