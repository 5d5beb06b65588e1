using System;
using System.Threading;

namespace TemporalCapi.Native
{
    /// <summary>Checks once that the loaded library speaks the ABI these bindings were written for.</summary>
    internal static class AbiCheck
    {
        private static int verified;

        /// <summary>Throws when <c>tc_abi_version()</c> differs from <see cref="NativeMethods.AbiVersion"/>.</summary>
        /// <exception cref="DllNotFoundException">The native library cannot be loaded.</exception>
        internal static void Ensure()
        {
            if (Volatile.Read(ref verified) == 1)
            {
                return;
            }
            uint loaded = NativeMethods.tc_abi_version();
            if (loaded != NativeMethods.AbiVersion)
            {
                throw new InvalidOperationException(
                    "temporal_capi ABI version " + loaded + " is loaded; these bindings need " + NativeMethods.AbiVersion);
            }
            Volatile.Write(ref verified, 1);
        }
    }
}
