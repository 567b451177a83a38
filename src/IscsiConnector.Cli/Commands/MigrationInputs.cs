using System.CommandLine;
using System.Text;
using System.Text.Json;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Migration;

namespace IscsiConnector.Cli.Commands;

/// <summary>Reads the inputs of the live-migration commands; every problem is a one-line <see cref="UsageException"/> (exit 2).</summary>
internal static class MigrationInputs
{
    /// <summary>Splits <c>SERIAL=FILE</c>; the serial is what the domain XML's <c>&lt;serial&gt;</c> holds (Nova: the volume id).</summary>
    public static (string Serial, string File) SerialAndFile(string value, string option)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new UsageException($"{option}: '{ToolSettings.Printable(value)}' is not SERIAL=FILE.");
        }

        return (value[..equals], value[(equals + 1)..]);
    }

    /// <summary>The JSON <c>connect</c> printed on the destination (or os-brick's <c>device_info</c>); a problem names the key.</summary>
    public static VolumeAttachment ReadAttachment(string file, string option)
    {
        try
        {
            return VolumeAttachment.Parse(InputFiles.Read(file, option));
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    /// <summary>The <c>source</c> object of a <c>libiscsi</c> output file, checked as a device map entry.</summary>
    public static IscsiNetworkSource ReadLibiscsiSource(string serial, string file, string option)
    {
        var text = InputFiles.Read(file, option);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("source", out var source))
            {
                throw new UsageException($"{option}: '{ToolSettings.Printable(file)}' has no 'source' object (give the output of 'libiscsi').");
            }

            // The entry goes through the same checks as a device map read from JSON.
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("iscsi_source");
                writer.WritePropertyName(serial);
                source.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return DestinationDeviceMap.Parse(Encoding.UTF8.GetString(buffer.ToArray())).IscsiSources[serial];
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option}: '{ToolSettings.Printable(file)}' is not valid JSON ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }
        catch (LiveMigrationException ex)
        {
            throw new UsageException($"{option}: {ex.Message}", ex);
        }
    }

    public static DestinationDeviceMap ReadMap(string file, string option)
    {
        try
        {
            return DestinationDeviceMap.Parse(InputFiles.Read(file, option));
        }
        catch (LiveMigrationException ex)
        {
            throw new UsageException($"{option}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes through a temporary file in the same directory and renames it over the target: a reader never sees half a file.</summary>
    public static void WriteWhole(string path, string text, string option)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"{option}: cannot write '{ToolSettings.Printable(path)}': {ex.Message}", ex);
        }
    }

    public static Option<string[]> Pairs(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "serial=file",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
