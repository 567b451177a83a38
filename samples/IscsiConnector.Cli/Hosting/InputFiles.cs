namespace IscsiConnector.Cli.Hosting;

/// <summary>Reads the JSON inputs named on the command line; problems become one-line <see cref="UsageException"/>s.</summary>
internal static class InputFiles
{
    public static ConnectionInfo ReadConnectionInfo(string source)
    {
        var text = Read(source, "--connection-info");
        // Parse names the key and never echoes a secret; ConnectionInfoException passes through (exit 2).
        return ConnectionInfo.Parse(text).Validate();
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

    /// <summary>Reads a file, or standard input for <c>-</c>.</summary>
    public static string Read(string source, string option)
    {
        if (source == "-")
        {
            return Console.In.ReadToEnd();
        }

        try
        {
            return File.ReadAllText(source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read: " + ex.Message;
            throw new UsageException($"{option}: file '{ToolSettings.Printable(source)}' {reason}", ex);
        }
    }
}
