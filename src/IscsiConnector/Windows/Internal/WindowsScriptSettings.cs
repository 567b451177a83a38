namespace IscsiConnector.Windows.Internal;

/// <summary>What the Windows scripts need from the options: which PowerShell, how long a script may run, how long a LUN may take to appear.</summary>
/// <param name="PowerShell">The program: <c>powershell.exe</c> (Windows PowerShell 5.1, where the iSCSI and Storage modules live).</param>
/// <param name="ScriptTimeout">The longest one script may run before its process tree is killed.</param>
/// <param name="DiskTimeout">How long the connect script waits for the LUN's disk after the login.</param>
/// <param name="PollInterval">How often it looks in that time.</param>
/// <param name="Persistent">Whether logins are registered to come back at boot (<c>Connect-IscsiTarget -IsPersistent</c>).</param>
internal sealed record WindowsScriptSettings(string PowerShell, TimeSpan ScriptTimeout, TimeSpan DiskTimeout, TimeSpan PollInterval, bool Persistent)
{
    /// <summary>The program name when none is configured.</summary>
    public const string DefaultPowerShell = "powershell.exe";

    /// <summary>Gets settings with the defaults: 20 s for a disk to appear, polled every 250 ms, and the script timeout on top of that.</summary>
    public static WindowsScriptSettings Default { get; } =
        new(DefaultPowerShell, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250), Persistent: false);
}
