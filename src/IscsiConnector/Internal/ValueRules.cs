using System.Globalization;
using System.Text;

namespace IscsiConnector.Internal;

/// <summary>
/// Checks shared by every value that ends up as an <c>iscsiadm</c> argument or in a log line. Each
/// check returns a sentence fragment describing the problem, or <see langword="null"/> when the value is fine.
/// </summary>
internal static class ValueRules
{
    private const int MaxShown = 80;

    /// <summary>Problems of a value passed as a command argument: empty, whitespace, control characters, leading '-'.</summary>
    public static string? ArgumentProblem(string value)
    {
        if (value.Length == 0)
        {
            return "is empty";
        }

        // A control character anywhere outranks whitespace anywhere, as the message order promises.
        if (!IsPrintableAscii(value))
        {
            if (ContainsControl(value))
            {
                return "contains a control character";
            }

            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return "contains whitespace";
                }
            }
        }

        return value[0] == '-' ? "starts with '-', which iscsiadm would read as an option" : null;
    }

    /// <summary>
    /// Problems of a CHAP name or secret. Inner spaces are allowed (RFC 1994 does not forbid them), but not
    /// control characters, a leading '-' or surrounding whitespace (iscsid trims its record values).
    /// The message never contains the value.
    /// </summary>
    public static string? CredentialProblem(string value)
    {
        if (value.Length == 0)
        {
            return "is empty";
        }

        if (value.Length > ConnectionInfoLimits.MaxChapBytes || (!IsPrintableAscii(value) && Encoding.UTF8.GetByteCount(value) > ConnectionInfoLimits.MaxChapBytes))
        {
            // Length only: the character count of a secret says little, but the value itself must never show.
            return $"is longer than {ConnectionInfoLimits.MaxChapBytes} UTF-8 bytes, which open-iscsi would silently cut";
        }

        if (!IsPrintableAscii(value))
        {
            if (ContainsControl(value))
            {
                return "contains a control character";
            }

            if (!IsWellFormedText(value))
            {
                return "is not valid UTF-8 text (it holds an unpaired surrogate or U+FFFD, the character a decoder puts in place of an invalid byte)";
            }
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "starts or ends with whitespace, which iscsid would trim";
        }

        return value[0] == '-' ? "starts with '-', which iscsiadm would read as an option" : null;
    }

    /// <summary>
    /// Problems of a value shown to people (a <c>volume_id</c> in logs, messages and lock names): too long, or holding a
    /// character that is invisible or reorders the text around it — controls, format characters such as the bidi
    /// overrides U+202E and U+2066…U+2069 ("Trojan Source"), line separators, unpaired surrogates.
    /// </summary>
    public static string? DisplayTextProblem(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"is {value.Length} characters long; expected at most {maxLength}";
        }

        if (IsPrintableAscii(value))
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
            var problem = category switch
            {
                UnicodeCategory.Control => "contains a control character",
                UnicodeCategory.Format => "contains an invisible formatting character (such as a bidirectional override)",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "contains a line separator",
                UnicodeCategory.Surrogate => "contains an unpaired surrogate",
                _ => null,
            };
            if (problem is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{problem} (U+{(int)value[i]:X4} at index {i})");
            }

            if (char.IsHighSurrogate(value[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> is what a strict UTF-8 decoder could have produced: no unpaired surrogate, no U+FFFD.</summary>
    public static bool IsWellFormedText(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\uFFFD' || char.IsLowSurrogate(c) || (char.IsHighSurrogate(c) && (++i == value.Length || !char.IsLowSurrogate(value[i]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every character is printable ASCII ('!'…'~'): then no character is a control or a space (vectorized).</summary>
    public static bool IsPrintableAscii(ReadOnlySpan<char> value) => !value.ContainsAnyExceptInRange('!', '~');

    /// <summary>Whether <paramref name="value"/> contains a character <see cref="char.IsControl(char)"/> accepts.</summary>
    public static bool ContainsControl(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quotes a (non-secret) value for an error message: control characters escaped, long values cut.</summary>
    public static string Show(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value.Length <= MaxShown ? value : value[..MaxShown])
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append(value.Length <= MaxShown ? "\"" : "…\"").ToString();
    }
}
