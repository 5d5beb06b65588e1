using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TemporalCapi.Json
{
    /// <summary>
    /// A strict RFC 8259 JSON parser producing plain .NET values: objects as
    /// <see cref="Dictionary{TKey,TValue}"/> of string to object (last
    /// duplicate key wins), arrays as <see cref="List{T}"/> of object,
    /// strings, <see cref="bool"/>, null, and numbers: integers as
    /// <see cref="long"/> (or <see cref="decimal"/> beyond its range, so
    /// they stay exact), everything else as <see cref="double"/>.
    /// </summary>
    internal sealed class JsonReader
    {
        /// <summary>Deeper nesting is rejected rather than risking the stack.</summary>
        internal const int MaxDepth = 256;

        private readonly string text;
        private int position;

        private JsonReader(string text)
        {
            this.text = text;
        }

        /// <summary>Parses one JSON value; anything else (trailing text included) is a <see cref="FormatException"/>.</summary>
        internal static object Parse(string text)
        {
            Require.NotNull(text, "text");
            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.position != text.Length)
            {
                throw reader.Error("unexpected text after the value");
            }
            return value;
        }

        private object ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting deeper than " + MaxDepth);
            }
            if (position >= text.Length)
            {
                throw Error("unexpected end of input");
            }
            char c = text[position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    ReadLiteral("true");
                    return true;
                case 'f':
                    ReadLiteral("false");
                    return false;
                case 'n':
                    ReadLiteral("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private Dictionary<string, object> ReadObject(int depth)
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            ReadItems('}', () =>
            {
                if (position >= text.Length || text[position] != '"')
                {
                    throw Error("expected a string key");
                }
                string key = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                result[key] = ReadValue(depth + 1);
            });
            return result;
        }

        private List<object> ReadArray(int depth)
        {
            var result = new List<object>();
            ReadItems(']', () => result.Add(ReadValue(depth + 1)));
            return result;
        }

        /// <summary>
        /// Reads the comma-separated items of the object or array whose opening
        /// bracket is at the current position, each with <paramref name="readItem"/>
        /// (called at the item's first character), through <paramref name="close"/>.
        /// </summary>
        private void ReadItems(char close, Action readItem)
        {
            position++;
            SkipWhitespace();
            if (TryConsume(close))
            {
                return;
            }
            while (true)
            {
                SkipWhitespace();
                readItem();
                SkipWhitespace();
                if (TryConsume(close))
                {
                    return;
                }
                Expect(',');
            }
        }

        /// <summary>
        /// Reads a string literal. Runs of plain characters are copied in one
        /// piece (a 1 MiB payload is one Substring, not a million Appends);
        /// a builder is made only for strings with escapes.
        /// </summary>
        private string ReadString()
        {
            position++;
            StringBuilder builder = null;
            int run = position;
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("unterminated string");
                }
                char c = text[position];
                if (c == '"')
                {
                    string plain = text.Substring(run, position - run);
                    position++;
                    return builder == null ? plain : builder.Append(plain).ToString();
                }
                if (c < ' ')
                {
                    throw Error("unescaped control character in string");
                }
                if (c != '\\')
                {
                    position++;
                    continue;
                }
                builder = builder ?? new StringBuilder();
                builder.Append(text, run, position - run);
                position++;
                if (position >= text.Length)
                {
                    throw Error("unterminated escape");
                }
                char escape = text[position++];
                char unescaped;
                if (escape == 'u')
                {
                    builder.Append(ReadHex4());
                }
                else if (JsonEscapes.TryUnescape(escape, out unescaped))
                {
                    builder.Append(unescaped);
                }
                else
                {
                    throw Error("invalid escape '\\" + escape + "'");
                }
                run = position;
            }
        }

        private char ReadHex4()
        {
            if (position + 4 > text.Length)
            {
                throw Error("truncated \\u escape");
            }
            int value;
            if (!int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            {
                throw Error("invalid \\u escape");
            }
            position += 4;
            return (char)value;
        }

        private object ReadNumber()
        {
            int start = position;
            bool integral = true;
            TryConsume('-');
            if (TryConsume('0'))
            {
                // A leading zero stands alone.
            }
            else if (!ReadDigits())
            {
                throw Error("invalid number");
            }
            if (TryConsume('.'))
            {
                integral = false;
                if (!ReadDigits())
                {
                    throw Error("invalid number: digits expected after '.'");
                }
            }
            if (TryConsume('e') || TryConsume('E'))
            {
                integral = false;
                if (!TryConsume('+'))
                {
                    TryConsume('-');
                }
                if (!ReadDigits())
                {
                    throw Error("invalid number: digits expected in the exponent");
                }
            }
            string literal = text.Substring(start, position - start);
            if (integral)
            {
                long whole;
                if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole))
                {
                    return whole;
                }
                decimal big;
                if (decimal.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out big))
                {
                    return big;
                }
            }
            double real;
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out real)
                || double.IsInfinity(real))
            {
                throw Error("number out of range");
            }
            return real;
        }

        private bool ReadDigits()
        {
            int start = position;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                position++;
            }
            return position > start;
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
            {
                throw Error("invalid literal");
            }
            position += literal.Length;
        }

        private void SkipWhitespace()
        {
            while (position < text.Length)
            {
                char c = text[position];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }
                position++;
            }
        }

        private bool TryConsume(char c)
        {
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }
            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw Error("expected '" + c + "'");
            }
        }

        private FormatException Error(string message)
        {
            return new FormatException("Invalid JSON at offset " + position + ": " + message);
        }
    }
}
