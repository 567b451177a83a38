using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Internal;
using IscsiConnector.IscsiAdm;
using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Transports;

/// <summary>
/// Reads, validates, creates and checks open-iscsi ifaces (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"): which iface (and so which transport and
/// which hardware) discovery and login go through. Never deletes an iface it did not create in the same call.
/// </summary>
/// <remarks>The connector uses it through <see cref="IscsiConnectorOptions.Transport"/>; it is public so that tools can prepare ifaces ahead of time.</remarks>
public sealed partial class IscsiIfaceManager
{
    private readonly CommandRunner _runner;
    private readonly IHostFileSystem _fs;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="IscsiIfaceManager"/> class.</summary>
    /// <param name="executor">Runs <c>iscsiadm</c>.</param>
    /// <param name="fileSystem">Reads sysfs for the hardware check.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <param name="commandTimeout">How long one <c>iscsiadm</c> may run; <see cref="DefaultCommandTimeout"/> when <see langword="null"/>. A root helper is the executor's business (<see cref="ProcessCommandExecutorOptions.RootHelper"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="executor"/> or <paramref name="fileSystem"/> is <see langword="null"/>.</exception>
    public IscsiIfaceManager(ICommandExecutor executor, IHostFileSystem fileSystem, ILogger? logger = null, TimeSpan? commandTimeout = null)
        : this(new CommandRunner(executor ?? throw new ArgumentNullException(nameof(executor)), commandTimeout ?? DefaultCommandTimeout), fileSystem, logger)
    {
    }

    internal IscsiIfaceManager(CommandRunner runner, IHostFileSystem fileSystem, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        _runner = runner;
        _fs = fileSystem;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the command timeout used when none is given (the default of <see cref="IscsiConnectorOptions.CommandTimeout"/>).</summary>
    public static TimeSpan DefaultCommandTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Lists the ifaces open-iscsi knows (the built-in <c>default</c> and <c>iser</c> included).</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>One summary per iface, in <c>iscsiadm</c>'s order.</returns>
    /// <exception cref="IscsiCommandException">The command failed.</exception>
    /// <remarks>Runs <c>iscsiadm -m iface</c>.</remarks>
    public async Task<IReadOnlyList<IscsiIfaceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = await _runner.RunAsync(IfaceCommands.List(), cancellationToken).ConfigureAwait(false);
        return IfaceListParser.Parse(result.StandardOutput).Items;
    }

    /// <summary>Reads one iface, or returns <see langword="null"/> when it does not exist.</summary>
    /// <param name="name">The iface name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The iface, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, starts with '-' or contains whitespace or control characters.</exception>
    /// <exception cref="IscsiTransportException">The command failed for another reason than a missing iface (<see cref="IscsiTransportFailureReason.IfaceCommandFailed"/>).</exception>
    /// <remarks>Runs <c>iscsiadm -m iface -I &lt;name&gt; -o show</c>; a missing iface is exit 6 ("Failed to open /etc/iscsi/ifaces/&lt;name&gt;").</remarks>
    public async Task<IscsiIface?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var result = await _runner.RunUncheckedAsync(IfaceCommands.Show(name), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            if (IsMissingIface(result))
            {
                return null;
            }

            var error = CommandRunner.ToException(result, IfaceCommands.Show(name));
            throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceCommandFailed, $"Reading iface {name} failed: {error.Message}", error);
        }

        var record = RecordParser.Parse(result.StandardOutput).Items.FirstOrDefault();
        return record is null ? null : IscsiIface.FromRecord(record);
    }

    /// <summary>Reads an iface and checks that it exists and uses a transport open-iscsi supports.</summary>
    /// <param name="name">The iface name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The iface.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a usable argument.</exception>
    /// <exception cref="IscsiTransportException"><see cref="IscsiTransportFailureReason.IfaceNotFound"/>, <see cref="IscsiTransportFailureReason.UnknownTransport"/> or <see cref="IscsiTransportFailureReason.IfaceCommandFailed"/>.</exception>
    /// <remarks>Runs <c>iscsiadm -m iface -I &lt;name&gt; -o show</c>.</remarks>
    public async Task<IscsiIface> ValidateAsync(string name, CancellationToken cancellationToken = default)
    {
        var iface = await FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceNotFound, $"Iface {name} does not exist (iscsiadm -m iface -I {name} -o show found no record in /etc/iscsi/ifaces). Create it (iscsiadm -m iface -I {name} -o new, then set iface.transport_name and iface.hwaddress) or give an IfaceDefinition.");
        if (!IscsiTransports.IsKnown(iface.TransportName))
        {
            throw new IscsiTransportException(name, IscsiTransportFailureReason.UnknownTransport, $"Iface {name} has iface.transport_name {ValueRules.Show(iface.TransportName ?? "<empty>")}, which is not a transport open-iscsi supports ({string.Join(", ", IscsiTransports.Known)}).");
        }

        Log.IfaceValidated(_logger, name, iface.TransportName, iface.HardwareAddress, iface.NetInterfaceName);
        return iface;
    }

    /// <summary>Lists the transports the kernel has loaded (<c>/sys/class/iscsi_transport/*</c>), e.g. <c>tcp</c>, <c>iser</c>, <c>cxgb4i</c>.</summary>
    /// <returns>The names, sorted; empty when no iSCSI module is loaded.</returns>
    /// <remarks>iscsid loads <c>iscsi_tcp</c> and <c>ib_iser</c> itself on first use, so a missing software transport here is not an error.</remarks>
    public IReadOnlyList<string> ListLoadedTransports() =>
        _fs.ListDirectory("/sys/class/iscsi_transport").Order(StringComparer.Ordinal).ToList();

    internal static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ValueRules.ArgumentProblem(name) is { } problem)
        {
            throw new ArgumentException($"The iface name {ValueRules.Show(name)} {problem}.", nameof(name));
        }
    }

    private static bool IsMissingIface(CommandResult result) =>
        IscsiAdmExitCodeExtensions.FromProcessExitCode(result.ExitCode) is IscsiAdmExitCode.NodeDatabase or IscsiAdmExitCode.NoObjectsFound
        && (result.StandardError ?? string.Empty) is var error
        && (error.Contains("No such file or directory", StringComparison.Ordinal) || error.Contains("Could not read iface", StringComparison.Ordinal));
}
