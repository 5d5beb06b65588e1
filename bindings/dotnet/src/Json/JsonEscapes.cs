namespace TemporalCapi.Json
{
    /// <summary>The two-character escapes of JSON strings (RFC 8259 section 7), shared by the reader and the writer.</summary>
    internal static class JsonEscapes
    {
        /// <summary>The letter after the backslash of each escape, in the order of <see cref="Characters"/>.</summary>
        private const string Letters = "\"\\/bfnrt";

        /// <summary>The character each escape stands for.</summary>
        private const string Characters = "\"\\/\b\f\n\r\t";

        /// <summary>The character <c>\</c><paramref name="letter"/> stands for; false for <c>u</c> and for letters that are no escape.</summary>
        internal static bool TryUnescape(char letter, out char character)
        {
            int index = Letters.IndexOf(letter);
            character = index < 0 ? '\0' : Characters[index];
            return index >= 0;
        }

        /// <summary>
        /// The letter of the escape written for <paramref name="character"/>;
        /// false when it is written as itself or (another control character)
        /// as a <c>\u</c> escape. The solidus is written as itself.
        /// </summary>
        internal static bool TryEscape(char character, out char letter)
        {
            int index = character == '/' ? -1 : Characters.IndexOf(character);
            letter = index < 0 ? '\0' : Letters[index];
            return index >= 0;
        }
    }
}
