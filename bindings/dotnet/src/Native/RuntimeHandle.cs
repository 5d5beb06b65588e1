using Microsoft.Win32.SafeHandles;

namespace TemporalCapi.Native
{
    /// <summary>Owns a <c>TcRuntime</c>; releasing it calls <c>tc_runtime_free</c>.</summary>
    internal sealed class RuntimeHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        /// <summary>Used by the marshaller for the out-parameter of <c>tc_runtime_new</c>.</summary>
        private RuntimeHandle()
            : base(true)
        {
        }

        /// <summary>Shuts the runtime down: pending calls complete cancelled before this returns.</summary>
        protected override bool ReleaseHandle()
        {
            NativeMethods.tc_runtime_free(handle);
            return true;
        }
    }
}
