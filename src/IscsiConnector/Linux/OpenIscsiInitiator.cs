using IscsiConnector.Host;
using IscsiConnector.Initiator;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Linux.Internal;

namespace IscsiConnector.Linux;

/// <summary>
/// The Linux initiator: open-iscsi's <c>iscsiadm</c> for node records, login and logout; sysfs for
/// sessions, LUN scans and devices (so that finding things never starts a process); <c>multipath</c>,
/// <c>multipathd</c> and <c>blockdev</c> for dm-multipath and flushing.
/// </summary>
internal sealed partial class OpenIscsiInitiator : IIscsiInitiator
{
    private readonly CommandRunner _runner;
    private readonly IHostFileSystem _fs;
    private readonly PrivilegedFiles _files;
    private readonly string _iface;
    private readonly TimeSpan _loginTimeout;
    private readonly TimeProvider _time;

    /// <param name="runner">Runs iscsiadm and the other tools.</param>
    /// <param name="fileSystem">sysfs, <c>/dev</c> and <c>/etc/iscsi</c> for reads.</param>
    /// <param name="files">The writes and reads only root may do: direct, or as commands through the root helper (which then
    /// also makes the node database a question for <c>iscsiadm</c>).</param>
    /// <param name="settings">The iface and discovery timeout.</param>
    public OpenIscsiInitiator(CommandRunner runner, IHostFileSystem fileSystem, PrivilegedFiles files, OpenIscsiSettings settings)
    {
        _runner = runner;
        _fs = fileSystem;
        _files = files;
        _iface = settings.Iface;
        _loginTimeout = settings.DiscoveryLoginTimeout;
        _time = settings.Time ?? TimeProvider.System;
    }

    public async Task PrepareNodeAsync(IscsiPath path, bool exists, NodeSettings settings, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            await _runner.RunAsync(IscsiAdmCommands.NodeNew(path, _iface), cancellationToken).ConfigureAwait(false);
        }

        await _runner.RunAsync(IscsiAdmCommands.NodeUpdate(path, _iface, IscsiAdmCommands.NodeSettingPairs(settings.LoginTimeout, settings.InitialLoginRetryMax, settings.AutomaticStartup, settings.ReplacementTimeout, settings.Chap)), cancellationToken).ConfigureAwait(false);
    }

    public Task LoginAsync(IscsiPath path, CancellationToken cancellationToken) =>
        _runner.RunAsync(IscsiAdmCommands.Login(path, _iface), cancellationToken, (int)IscsiAdmExitCode.SessionExists);

    public Task SetAutomaticStartupAsync(IscsiPath path, CancellationToken cancellationToken) =>
        _runner.RunAsync(IscsiAdmCommands.NodeUpdate(path, _iface, [("node.startup", "automatic")]), cancellationToken);

    public Task LogoutAsync(IscsiPath path, CancellationToken cancellationToken) =>
        _runner.RunAsync(IscsiAdmCommands.Logout(path, _iface), cancellationToken, (int)IscsiAdmExitCode.NoObjectsFound);

    public Task DeleteNodeAsync(IscsiPath path, CancellationToken cancellationToken) =>
        _runner.RunAsync(IscsiAdmCommands.NodeDelete(path, _iface), cancellationToken, (int)IscsiAdmExitCode.NoObjectsFound);

    public async Task<IReadOnlyList<IscsiPath>> DiscoverAsync(IscsiPortal portal, int lun, ChapCredentials? discoveryChap, CancellationToken cancellationToken)
    {
        // discoverydb rather than "-m discovery": only a discoverydb record takes a login timeout, and plain
        // discovery of a blackholed portal costs ~95 s with iscsid's defaults. A record that exists already is an
        // administrator's (or another attach's, which is using it): used as it is, never changed — "-o new" on it would
        // reset every setting to iscsid.conf's defaults. A record created here gets the short timeouts and every
        // discovery CHAP key, and goes again afterwards; "-o nonpersistent" keeps the discovery from creating, resetting
        // or deleting node records, so deleting the discovery record deletes nothing else.
        var created = !await DiscoveryRecordExistsAsync(portal, cancellationToken).ConfigureAwait(false);
        try
        {
            if (created)
            {
                // Its exit code is not trusted; the update below fails if the record is missing.
                await _runner.RunUncheckedAsync(IscsiAdmCommands.DiscoveryDbNew(portal, _iface), cancellationToken).ConfigureAwait(false);
                await _runner.RunAsync(IscsiAdmCommands.DiscoveryDbUpdate(portal, _iface, IscsiAdmCommands.DiscoverySettingPairs(_loginTimeout, discoveryChap)), cancellationToken).ConfigureAwait(false);
            }

            var result = await _runner.RunAsync(IscsiAdmCommands.DiscoveryDbDiscover(portal, _iface), cancellationToken).ConfigureAwait(false);
            return SendTargetsOutput.Parse(result.StandardOutput, lun);
        }
        finally
        {
            if (created)
            {
                await _runner.RunUncheckedAsync(IscsiAdmCommands.DiscoveryDbDelete(portal, _iface), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // "multipath -a" writes the WWID to /etc/multipath/wwids (os-brick does the same, check_exit_code 0 and 1); it stays
    // there after the detach, as with os-brick: it only says the WWID is a multipath device.
    public async Task AddMultipathWwidAsync(string wwid, CancellationToken cancellationToken) =>
        await _runner.RunUncheckedAsync(LinuxCommands.MultipathAddWwid(wwid), cancellationToken).ConfigureAwait(false);

    public async Task HintMultipathAsync(string disk, CancellationToken cancellationToken) =>
        await _runner.RunUncheckedAsync(LinuxCommands.MultipathdAddPath(DevicePath(disk)), cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsMultipathRunningAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.RunUncheckedAsync(LinuxCommands.MultipathdShowStatus(), cancellationToken).ConfigureAwait(false);

        // Old multipathd printed this with exit code 0 when the daemon was not running (as os-brick notes).
        return result.IsSuccess && !result.StandardOutput.StartsWith("error receiving packet", StringComparison.Ordinal);
    }

    public Task FlushMultipathAsync(string mapName, CancellationToken cancellationToken) =>
        _runner.RunAsync(LinuxCommands.MultipathFlush(mapName), cancellationToken);

    public Task FlushDiskAsync(string disk, CancellationToken cancellationToken) =>
        _runner.RunAsync(LinuxCommands.BlockdevFlush(DevicePath(disk)), cancellationToken);

    public Task ResizeMultipathAsync(string mapName, CancellationToken cancellationToken) =>
        MultipathResize.RunAsync(_runner, _time, mapName, cancellationToken);

    public string DevicePath(string device) => "/dev/" + device;
}
