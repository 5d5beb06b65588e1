using System;
using Microsoft.Win32.SafeHandles;

namespace TemporalCapi.Native
{
    /// <summary>Owns a <c>TcCancel</c>; releasing it calls <c>tc_cancel_free</c>.</summary>
    internal sealed class CancelHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        /// <summary>Used by the marshaller for the return value of <c>tc_cancel_new</c>.</summary>
        private CancelHandle()
            : base(true)
        {
        }

        /// <summary>A new native cancellation handle.</summary>
        internal static CancelHandle Create()
        {
            var cancel = NativeMethods.tc_cancel_new();
            if (cancel.IsInvalid)
            {
                throw new InvalidOperationException("tc_cancel_new failed");
            }
            return cancel;
        }

        /// <summary>
        /// Cancels every call that received this handle. A no-op once the
        /// handle is disposed, so a late <see cref="System.Threading.CancellationToken"/>
        /// callback racing with the end of the call is harmless.
        /// </summary>
        internal void Cancel()
        {
            try
            {
                NativeMethods.tc_cancel_cancel(this);
            }
            catch (ObjectDisposedException)
            {
                // The call already completed and released this handle.
            }
        }

        /// <summary>Frees the handle; calls that received it are unaffected.</summary>
        protected override bool ReleaseHandle()
        {
            NativeMethods.tc_cancel_free(handle);
            return true;
        }
    }
}
