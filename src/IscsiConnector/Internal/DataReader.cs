using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IscsiConnector.Internal;

/// <summary>
/// Typed, keyed access to the <c>data</c> object. Every failure is a <see cref="ConnectionInfoException"/>
/// naming the key; type errors describe the JSON kind found, never the value, so secrets cannot leak.
/// A JSON <c>null</c> counts as an absent key.
/// </summary>
internal sealed class DataReader
{
    // true, false and null read the same in every document, so AdditionalData can share these (immutable,
    // not backed by pooled memory) instead of cloning a document per key.
    private static readonly JsonElement True = JsonElement.Parse("true");
    private static readonly JsonElement False = JsonElement.Parse("false");
    private static readonly JsonElement Null = JsonElement.Parse("null");

    private readonly Dictionary<string, JsonElement> _values;

    public DataReader(JsonElement data)
    {
        _values = new(data.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            // JSON allows a repeated key and readers disagree on which copy wins; refuse rather than guess.
            if (!_values.TryAdd(KnownName(property) ?? property.Name, property.Value))
            {
                throw new ConnectionInfoException(property.Name, "appears more than once in data; expected each key once.");
            }
        }
    }

    public string? String(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? Text(key, value) : throw WrongKind(key, value, "a string");
    }

    /// <summary>
    /// Reads a string value. Invalid UTF-8 (from <see cref="ConnectionInfo.ParseUtf8"/>) or an escaped
    /// lone surrogate (<c>"\ud800"</c>) cannot become a .NET string; the message names the key, never the value.
    /// </summary>
    internal static string Text(string key, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new ConnectionInfoException(key, "is not valid UTF-8 text (an invalid byte sequence or an unpaired surrogate escape); expected Unicode text. The value is not shown because it may be secret.", ex);
        }
    }

    public bool Bool(string key)
    {
        if (!TryGet(key, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongKind(key, value, "true or false"),
        };
    }

    public int? Lun(string key) => TryGet(key, out var value) ? ReadLun(key, -1, value) : null;

    /// <summary>Reads a list of strings; an entry that reads as <paramref name="same"/> yields that very instance,
    /// so callers can tell it was checked already (backends repeat target_iqn for every portal).</summary>
    public List<string>? StringList(string key, string? same = null) =>
        List(key, same, static (listKey, index, item, same) => item.ValueKind != JsonValueKind.String
            ? throw WrongKind(ConnectionInfoBuilder.Indexed(listKey, index), item, "a string")
            : same is not null && item.ValueEquals(same) ? same : Text(ConnectionInfoBuilder.Indexed(listKey, index), item));

    public List<int>? LunList(string key) => List(key, 0, static (listKey, index, item, _) => ReadLun(listKey, index, item));

    /// <summary>Returns the keys the model does not represent (in document order), cloned so they outlive the document.</summary>
    public Dictionary<string, JsonElement> Unmodelled()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

        // _values only ever grows, so it enumerates in insertion (= document) order.
        foreach (var (name, value) in _values)
        {
            if (!ConnectionInfoKeys.Modelled.Contains(name))
            {
                result[name] = value.ValueKind switch
                {
                    JsonValueKind.True => True,
                    JsonValueKind.False => False,
                    JsonValueKind.Null => Null,
                    _ => value.Clone(),
                };
            }
        }

        return result;
    }

    /// <summary>Returns the shared copy of a well-known key name, or <see langword="null"/> for any other name.</summary>
    private static string? KnownName(JsonProperty property)
    {
        // Escaped or non-ASCII names are never known keys; leave them to JsonProperty.Name.
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        Span<char> name = stackalloc char[ConnectionInfoKeys.MaxKnownLength];
        return raw.Length <= name.Length && !raw.Contains((byte)'\\')
            && Ascii.ToUtf16(raw, name, out var length) == OperationStatus.Done
            && ConnectionInfoKeys.Known.TryGetValue(name[..length], out var known) ? known : null;
    }

    internal static ConnectionInfoException WrongKind(string key, JsonElement value, string expected) =>
        new(key, $"expected {expected} but found {Describe(value.ValueKind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>Reads a LUN under <paramref name="key"/>, or under its entry <paramref name="index"/> when that is not negative.</summary>
    private static int ReadLun(string key, int index, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var plain) && plain is >= 0 and <= IscsiPath.MaxLun)
        {
            return (int)plain;
        }

        return ReadLunSlow(ConnectionInfoBuilder.KeyOf(key, index), value);
    }

    private static int ReadLunSlow(string key, JsonElement value)
    {
        const string Expected = "expected a LUN 0…16383, as a number or a string of digits";
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var number))
            {
                return CheckLun(key, number);
            }

            var whole = value.TryGetDecimal(out var d) && d == decimal.Truncate(d);
            throw new ConnectionInfoException(key, whole ? $"is too large; {Expected}." : $"is not a whole number; {Expected}.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongKind(key, value, "a LUN (0…16383) as a number or a string of digits");
        }

        var text = Text(key, value);
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || digits.AsSpan().ContainsAnyExcept("0123456789"))
        {
            var problem = ValueRules.ArgumentProblem(text) ?? "is not a decimal number";
            throw new ConnectionInfoException(key, $"{ValueRules.Show(text)} {problem}; {Expected}.");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? CheckLun(key, parsed)
            : throw new ConnectionInfoException(key, $"is too large; {Expected}.");
    }

    private static int CheckLun(string key, long lun) => lun switch
    {
        < 0 => throw new ConnectionInfoException(key, $"is {lun}; a LUN cannot be negative (expected 0…{IscsiPath.MaxLun})."),
        > IscsiPath.MaxLun => throw new ConnectionInfoException(key, $"is {lun}; expected 0…{IscsiPath.MaxLun} (SAM flat addressing has 14 bits)."),
        _ => (int)lun,
    };

    private List<T>? List<T, TState>(string key, TState state, Func<string, int, JsonElement, TState, T> read)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(key, value, "a list");
        }

        var length = value.GetArrayLength();
        if (length == 0)
        {
            throw new ConnectionInfoException(key, "is an empty list; expected at least one entry, or leave the key out.");
        }

        if (length > ConnectionInfoLimits.MaxPaths)
        {
            throw TooManyEntries(key, length);
        }

        var items = new List<T>(length);
        foreach (var item in value.EnumerateArray())
        {
            items.Add(read(key, items.Count, item, state));
        }

        return items;
    }

    /// <summary>A list longer than <see cref="ConnectionInfoLimits.MaxPaths"/>; refused before any entry is read.</summary>
    internal static ConnectionInfoException TooManyEntries(string key, int count) =>
        new(key, $"has {count} entries; expected at most {ConnectionInfoLimits.MaxPaths} (every entry is a login).");

    private bool TryGet(string key, out JsonElement value) =>
        _values.TryGetValue(key, out value) && value.ValueKind != JsonValueKind.Null;
}
