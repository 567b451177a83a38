using System.Text.Encodings.Web;
using System.Text.Json;

namespace IscsiConnector.Cli.Output;

/// <summary>Writes exactly one JSON document to standard output (Utf8JsonWriter: no reflection, snake_case names).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Standard output is read by jq and scripts, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, Options))
        {
            write(writer);
        }

        stdout.Write("\n"u8);
        stdout.Flush();
    }

    public static void WriteElapsed(this Utf8JsonWriter writer, TimeSpan elapsed) =>
        writer.WriteNumber("elapsed_ms", (long)Math.Round(elapsed.TotalMilliseconds));

    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteStringArray(this Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an object with one property: <c>{"size_bytes": N}</c>.</summary>
    public static void WriteSingle(this Utf8JsonWriter writer, string name, long value)
    {
        writer.WriteStartObject();
        writer.WriteNumber(name, value);
        writer.WriteEndObject();
    }

    /// <summary>Writes an object with one property: <c>{"error": "…"}</c>.</summary>
    public static void WriteSingle(this Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString(name, value.ReplaceLineEndings(" "));
        writer.WriteEndObject();
    }

    /// <summary>An enum member in the snake_case the JSON contract uses (LoggedIn → logged_in), as the library writes it.</summary>
    public static string SnakeCase<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
