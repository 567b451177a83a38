using System.Text;

namespace IscsiConnector.Internal;

/// <summary>
/// iSCSI name syntax (RFC 3720 §3.2.6.3, RFC 3721 §1): <c>iqn.yyyy-mm.reversed.domain[:anything]</c>,
/// <c>eui.</c> + 16 hex digits, <c>naa.</c> + 16 or 32 hex digits.
/// </summary>
internal static class IscsiNameRules
{
    /// <summary>RFC 3720 §3.2.6.1: an iSCSI name is at most 223 bytes of UTF-8.</summary>
    public const int MaxBytes = 223;

    /// <summary>Returns what is wrong with <paramref name="name"/> as a target name, or <see langword="null"/>.</summary>
    public static string? Problem(string name)
    {
        if (ValueRules.ArgumentProblem(name) is { } basic)
        {
            return basic;
        }

        // A UTF-16 char becomes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 chars), so only names
        // between MaxBytes / 3 and MaxBytes characters need counting.
        if (name.Length > MaxBytes / 3 && (name.Length > MaxBytes || Encoding.UTF8.GetByteCount(name) > MaxBytes))
        {
            return $"is longer than the {MaxBytes} bytes RFC 3720 allows";
        }

        // The type prefix is compared case-insensitively: RFC 3722 stringprep folds names to lower case,
        // so "IQN." names the same thing as "iqn.".
        if (name.StartsWith("iqn.", StringComparison.OrdinalIgnoreCase))
        {
            return IqnProblem(name);
        }

        if (name.StartsWith("eui.", StringComparison.OrdinalIgnoreCase))
        {
            return IsHex(name.AsSpan(4), 16) ? null : "is not an EUI-64 name; expected \"eui.\" followed by 16 hexadecimal digits";
        }

        if (name.StartsWith("naa.", StringComparison.OrdinalIgnoreCase))
        {
            var digits = name.AsSpan(4);
            return IsHex(digits, 16) || IsHex(digits, 32) ? null : "is not an NAA name; expected \"naa.\" followed by 16 or 32 hexadecimal digits";
        }

        return "is not an iSCSI name; expected \"iqn.yyyy-mm.reversed.domain[:name]\", \"eui.\" + 16 hex digits or \"naa.\" + 16 or 32 hex digits";
    }

    private static string? IqnProblem(string name)
    {
        const string Expected = "; expected \"iqn.yyyy-mm.reversed.domain[:name]\" (e.g. iqn.2010-10.org.openstack:volume-1)";
        var rest = name.AsSpan(4);
        var dash = rest.IndexOf('-');
        var dot = rest.IndexOf('.');

        // RFC 3720 asks for yyyy-mm; one-digit months are accepted because specs 000/001 use "2014-2".
        if (dash != 4 || dot < dash + 2 || dot > dash + 3 || !IsDigits(rest[..4]) || !IsDigits(rest[(dash + 1)..dot]))
        {
            return "has no valid yyyy-mm date after \"iqn.\"" + Expected;
        }

        var month = int.Parse(rest[(dash + 1)..dot], provider: System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return $"has month {month} in its date (expected 01…12)" + Expected;
        }

        var afterDate = rest[(dot + 1)..];
        var colon = afterDate.IndexOf(':');
        var authority = colon < 0 ? afterDate : afterDate[..colon];
        if (!IsReversedDomain(authority))
        {
            return "has no valid reversed domain name after the date" + Expected;
        }

        return colon < 0 || IsNameText(afterDate[(colon + 1)..]) ? null
            : "has characters after ':' that RFC 3722 does not allow (letters, digits, '.', '-', ':' and '_' are accepted)";
    }

    private static bool IsReversedDomain(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var range in text.Split('.'))
        {
            var label = text[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    // '_' is outside RFC 3722 but arrays use it; '/' and the like are refused because the name
    // becomes part of a /dev/disk/by-path file name.
    private static bool IsNameText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('.' or '-' or ':' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept("0123456789");

    private static bool IsHex(ReadOnlySpan<char> text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
