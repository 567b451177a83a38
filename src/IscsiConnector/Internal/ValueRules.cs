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

        if (!IsPrintableAscii(value) && ContainsControl(value))
        {
            return "contains a control character";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "starts or ends with whitespace, which iscsid would trim";
        }

        return value[0] == '-' ? "starts with '-', which iscsiadm would read as an option" : null;
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
