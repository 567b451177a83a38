using System.Text;

namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// Reads the JSON inputs named on the command line, never more than a fixed size: <c>--connection-info /dev/zero</c>
/// or a runaway pipe fails at once instead of filling memory. Problems become one-line <see cref="UsageException"/>s.
/// </summary>
internal static class InputFiles
{
    /// <summary>The most bytes read from a scenario or device-info file (they are a few kilobytes).</summary>
    public const int MaxOtherInputBytes = 4 * ConnectionInfoLimits.MaxDocumentBytes;

    public static ConnectionInfo ReadConnectionInfo(string source)
    {
        var bytes = ReadBytes(source, "--connection-info", ConnectionInfoLimits.MaxDocumentBytes);

        // As bytes, so that invalid UTF-8 is refused naming the key rather than silently replaced by a decoder.
        // Parse names the key and never echoes a secret; ConnectionInfoException passes through (exit 2).
        return ConnectionInfo.ParseUtf8(bytes).Validate();
    }

    /// <summary>Reads the JSON <c>connect</c> printed, or os-brick's <c>device_info</c>; a problem names the key (exit 2).</summary>
    public static VolumeAttachment ReadDeviceInfo(string source)
    {
        var text = Read(source, "--device-info");
        try
        {
            return VolumeAttachment.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new UsageException($"--device-info: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    /// <summary>Reads a UTF-8 text file, or standard input for <c>-</c>.</summary>
    public static string Read(string source, string option)
    {
        var bytes = ReadBytes(source, option, MaxOtherInputBytes);
        try
        {
            var text = bytes.AsSpan();
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
            return strict.GetString(text.StartsWith(strict.Preamble) ? text[strict.Preamble.Length..] : text);
        }
        catch (DecoderFallbackException ex)
        {
            throw new UsageException($"{option}: '{ToolSettings.Printable(source)}' is not valid UTF-8 text.", ex);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; one more byte means the input is too large.</summary>
    private static byte[] ReadBytes(string source, string option, int limit)
    {
        try
        {
            using var stream = source == "-" ? Console.OpenStandardInput() : OpenFile(source);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1L - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    throw new UsageException($"{option}: '{ToolSettings.Printable(source)}' is larger than {limit} bytes; expected a JSON document of a few kilobytes.");
                }
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read: " + ex.Message;
            throw new UsageException($"{option}: file '{ToolSettings.Printable(source)}' {reason}", ex);
        }
    }

    // Sequential and unbuffered: a device or FIFO (/dev/zero, a named pipe) has no length to trust.
    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
}
