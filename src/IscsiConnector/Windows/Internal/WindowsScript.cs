using System.Reflection;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// One of the fixed PowerShell scripts shipped in the assembly (<c>Windows/Scripts/*.ps1</c>). The text never
/// changes from call to call: values travel beside it as data, so no value can become code.
/// </summary>
internal sealed record WindowsScript
{
    private WindowsScript(string name)
    {
        Name = name;
        var resource = $"IscsiConnector.Windows.Scripts.{name}.ps1";
        using var stream = typeof(WindowsScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The script resource '{resource}' is missing from {typeof(WindowsScript).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        Text = reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Gets the inventory: initiator ports, MPIO, target portals, sessions with their disks.</summary>
    public static WindowsScript Host { get; } = new("host");

    /// <summary>Gets one portal attempt: portal, target, session, disk.</summary>
    public static WindowsScript Connect { get; } = new("connect");

    /// <summary>Gets the end of sessions and the removal of unused portals.</summary>
    public static WindowsScript Disconnect { get; } = new("disconnect");

    /// <summary>Gets every script the Windows initiator can run.</summary>
    public static IReadOnlyList<WindowsScript> All { get; } = [Host, Connect, Disconnect];

    /// <summary>Gets the name the script reports in its reply (<c>"Script":"connect"</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the script text, written to PowerShell's standard input as it is.</summary>
    public string Text { get; }

    /// <summary>Finds the script whose text is exactly <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static WindowsScript? FromText(string? text) => All.FirstOrDefault(s => string.Equals(s.Text, text, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{Name}.ps1";
}
