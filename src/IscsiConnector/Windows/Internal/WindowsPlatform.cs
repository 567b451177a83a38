using IscsiConnector.Execution;

namespace IscsiConnector.Windows.Internal;

/// <summary>Which platform a connector drives, and the Windows initiator the composition root wires in.</summary>
internal static class WindowsPlatform
{
    /// <summary>Resolves <see cref="IscsiPlatform.Auto"/> to the platform this process runs on.</summary>
    public static bool IsSelected(IscsiConnectorOptions options) => options.Platform switch
    {
        IscsiPlatform.Windows => true,
        IscsiPlatform.Linux => false,
        _ => OperatingSystem.IsWindows(),
    };

    /// <summary>The Windows initiator, from the options it uses.</summary>
    public static WindowsIscsiInitiator Create(IscsiConnectorOptions options, ICommandExecutor executor)
    {
        // A script may wait for a disk (DeviceWaitTimeout) on top of the cmdlets' own work (CommandTimeout).
        var settings = new WindowsScriptSettings(
            WindowsScriptSettings.DefaultPowerShell,
            options.CommandTimeout + options.DeviceWaitTimeout,
            options.DeviceWaitTimeout,
            options.DevicePollInterval,
            Persistent: options.AutomaticStartup);
        var view = new WindowsHostView(new WindowsScripts(executor, settings));
        return new WindowsIscsiInitiator(view, options.UseMultipath);
    }
}
