using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Internal;
using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Transports;

/// <summary>Deleting an iface on request, and a manager wired to this machine.</summary>
public sealed partial class IscsiIfaceManager
{
    /// <summary>Creates a manager that reads this machine's sysfs for the hardware check.</summary>
    /// <param name="executor">Runs <c>iscsiadm</c>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <param name="commandTimeout">How long one <c>iscsiadm</c> may run; <see cref="DefaultCommandTimeout"/> when <see langword="null"/>.</param>
    /// <returns>The manager.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="executor"/> is <see langword="null"/>.</exception>
    public static IscsiIfaceManager ForThisHost(ICommandExecutor executor, ILogger? logger = null, TimeSpan? commandTimeout = null) =>
        new(executor, new PhysicalHostFileSystem(), logger, commandTimeout);

    /// <summary>
    /// Deletes an iface a user asked to delete (the connector itself never calls this). Refuses the built-in
    /// <c>default</c> and <c>iser</c> ifaces before running anything.
    /// </summary>
    /// <param name="name">The iface name.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns><see langword="true"/> when it was deleted; <see langword="false"/> when it did not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a usable argument, or is <c>default</c> or <c>iser</c>.</exception>
    /// <exception cref="IscsiTransportException"><see cref="IscsiTransportFailureReason.IfaceCommandFailed"/> when a command failed.</exception>
    /// <remarks>
    /// Runs <c>iscsiadm -m iface -I &lt;name&gt; -o show</c>, then <c>-o delete</c>. open-iscsi also deletes every node
    /// record bound to the iface; sessions already logged in through it stay.
    /// </remarks>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        if (name is IscsiTransports.DefaultIface or IscsiTransports.Iser)
        {
            throw new ArgumentException($"Iface {name} is one of open-iscsi's built-in ifaces and cannot be deleted.", nameof(name));
        }

        if (await FindAsync(name, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        try
        {
            await _runner.RunAsync(IfaceCommands.Delete(name), cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceCommandFailed, $"Deleting iface {name} failed: {e.Message}", e);
        }

        Log.IfaceDeleted(_logger, name);
        return true;
    }
}
