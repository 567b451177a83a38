using System.Net;
using IscsiConnector.Internal;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Transports;

/// <summary>Creating an iface from a definition, idempotently.</summary>
public sealed partial class IscsiIfaceManager
{
    /// <summary>
    /// Makes sure the iface of <paramref name="definition"/> exists with its settings: reuses an identical one,
    /// creates a missing one, and refuses (never overwrites) one whose settings differ.
    /// </summary>
    /// <param name="definition">The iface wanted.</param>
    /// <param name="cancellationToken">Cancels the commands. An iface created before cancellation is deleted again.</param>
    /// <returns>The iface and whether this call created it.</returns>
    /// <exception cref="ArgumentException">The definition is invalid (see <see cref="IscsiIfaceDefinition.GetProblems"/>); nothing was run.</exception>
    /// <exception cref="IscsiTransportException"><see cref="IscsiTransportFailureReason.IfaceConflict"/> when an iface of that name differs, <see cref="IscsiTransportFailureReason.IfaceCommandFailed"/> when a command failed (a half-made iface is deleted again).</exception>
    /// <remarks>
    /// Runs <c>iscsiadm -m iface -I &lt;name&gt; -o show</c>; when missing, <c>-o new</c> then one <c>-o update</c> with every
    /// field as <c>-n/-v</c> pairs, then <c>-o show</c> again to check. Never runs <c>-o new</c> on an existing iface:
    /// iscsiadm would reset it to defaults.
    /// </remarks>
    public async Task<IscsiIfaceEnsureResult> EnsureAsync(IscsiIfaceDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.GetProblems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The iface definition is invalid: {string.Join(" ", problems)}", nameof(definition));
        }

        var name = definition.EffectiveName;
        var existing = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var differences = Differences(definition, existing);
            if (differences.Count > 0)
            {
                throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceConflict, $"Iface {name} already exists with other settings ({string.Join("; ", differences)}). It is left untouched: give the definition another Name, or change or delete that iface yourself.");
            }

            Log.IfaceReused(_logger, name);
            return new IscsiIfaceEnsureResult(existing, Created: false);
        }

        // From the "-o new" on, the iface is ours: created by this call, so this call alone may delete it (a
        // failed "-o new" may still have written the file; deleting a missing iface is harmless).
        try
        {
            await _runner.RunAsync(IfaceCommands.New(name), cancellationToken).ConfigureAwait(false);
            await _runner.RunAsync(IfaceCommands.Update(name, definition.Settings()), cancellationToken).ConfigureAwait(false);
            var made = await FindAsync(name, cancellationToken).ConfigureAwait(false);
            var left = made is null ? ["it is missing after creation"] : Differences(definition, made);
            if (left.Count > 0)
            {
                throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceCommandFailed, $"Iface {name} was created but does not read back as defined ({string.Join("; ", left)}).");
            }

            Log.IfaceCreated(_logger, name, definition.TransportName, definition.HardwareAddress);
            return new IscsiIfaceEnsureResult(made!, Created: true);
        }
        catch (Exception e) when (e is IscsiException or OperationCanceledException)
        {
            await RollBackAsync(name, e is OperationCanceledException ? "the call was cancelled" : e.Message).ConfigureAwait(false);
            if (e is IscsiCommandException command)
            {
                throw new IscsiTransportException(name, IscsiTransportFailureReason.IfaceCommandFailed, $"Creating iface {name} failed and it was deleted again: {command.Message}", command);
            }

            throw;
        }
    }

    /// <summary>The fields the definition sets that the iface does not have, as "field: wanted X, found Y".</summary>
    internal static List<string> Differences(IscsiIfaceDefinition definition, IscsiIface iface)
    {
        var result = new List<string>();
        Compare("iface.transport_name", definition.TransportName, iface.TransportName, StringComparer.Ordinal);
        Compare("iface.hwaddress", definition.HardwareAddress, iface.HardwareAddress, StringComparer.OrdinalIgnoreCase);
        Compare("iface.net_ifacename", definition.NetInterfaceName, iface.NetInterfaceName, StringComparer.Ordinal);
        Compare("iface.initiatorname", definition.InitiatorName, iface.InitiatorName, StringComparer.OrdinalIgnoreCase);
        if (definition.IpAddress is { } ip
            && !(iface.IpAddress is not null && IPAddress.TryParse(ip, out var wanted) && IPAddress.TryParse(iface.IpAddress, out var found) && wanted.Equals(found)))
        {
            result.Add($"iface.ipaddress: wanted {ip}, found {iface.IpAddress ?? "<empty>"}");
        }

        return result;

        void Compare(string key, string? wanted, string? found, StringComparer comparer)
        {
            if (wanted is not null && !comparer.Equals(wanted, found))
            {
                result.Add($"{key}: wanted {wanted}, found {found ?? "<empty>"}");
            }
        }
    }

    // Runs with CancellationToken.None: a cancelled creation must not leave a half-made iface behind.
    private async Task RollBackAsync(string name, string reason)
    {
        var result = await _runner.RunUncheckedAsync(IfaceCommands.Delete(name), CancellationToken.None).ConfigureAwait(false);
        Log.IfaceRolledBack(_logger, name, result.ExitCode == 0 ? reason : $"{reason}; the delete itself exited {result.ExitCode}");
    }
}
