using System;
using System.Runtime.InteropServices;
using System.Text;

namespace TemporalCapi.Native
{
    /// <summary>UTF-8 text across the boundary.</summary>
    internal static class Utf8
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>The UTF-8 bytes of <paramref name="text"/>; null stays null.</summary>
        internal static byte[] Encode(string text)
        {
            return text == null ? null : Strict.GetBytes(text);
        }

        /// <summary>The length of a buffer from <see cref="Encode"/> as a size_t.</summary>
        internal static UIntPtr Length(byte[] bytes)
        {
            return new UIntPtr(bytes == null ? 0u : (uint)bytes.Length);
        }

        /// <summary>Copies <paramref name="length"/> bytes of native UTF-8 text into a string.</summary>
        internal static string Decode(IntPtr text, UIntPtr length)
        {
            int count = checked((int)length.ToUInt64());
            if (text == IntPtr.Zero || count == 0)
            {
                return string.Empty;
            }
            var bytes = new byte[count];
            Marshal.Copy(text, bytes, 0, count);
            return Strict.GetString(bytes);
        }

        /// <summary>Copies a NUL-terminated native UTF-8 string.</summary>
        internal static string DecodeNulTerminated(IntPtr text)
        {
            int count = 0;
            while (Marshal.ReadByte(text, count) != 0)
            {
                count++;
            }
            return Decode(text, new UIntPtr((uint)count));
        }

        /// <summary>Copies a NUL-terminated string the library returned through an out-parameter, then frees it.</summary>
        internal static string TakeOwned(IntPtr text)
        {
            try
            {
                return DecodeNulTerminated(text);
            }
            finally
            {
                NativeMethods.tc_string_free(text);
            }
        }

        /// <summary>Copies a string the library returned through an out-parameter, then frees it.</summary>
        internal static string TakeOwned(IntPtr text, UIntPtr length)
        {
            try
            {
                return Decode(text, length);
            }
            finally
            {
                NativeMethods.tc_string_free(text);
            }
        }
    }
}
