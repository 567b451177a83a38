namespace IscsiConnector.Windows.Internal;

/// <summary>
/// What the connector last learned about the Windows host, shared by the initiator and its per-iface siblings: the
/// <c>host</c> script's inventory, brought up to date by the replies of <c>connect</c> and <c>disconnect</c>, so that
/// the neutral flow's many small questions (sessions, records, disks) cost no process of their own.
/// </summary>
/// <remarks>
/// The inventory is re-read at the start of every operation: <see cref="ReadAsync"/> runs the <c>host</c> script
/// unless a <c>connect</c> just reported the state (its reply is then the freshest there is, and is used once).
/// </remarks>
internal sealed class WindowsHostView(WindowsScripts scripts)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedDisks = new(StringComparer.Ordinal);
    private HostReply _snapshot = new() { Script = WindowsScript.Host.Name, Ok = true };
    private bool _read;
    private bool _fresh;
    private bool _stale;

    public WindowsScripts Scripts => scripts;

    /// <summary>Gets the last known inventory (empty before the first read).</summary>
    public HostReply Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>Re-reads the host (one process), unless a connect has just reported it.</summary>
    public async Task<HostReply> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_fresh)
            {
                _fresh = false;
                return _snapshot;
            }
        }

        var reply = await scripts.ReadHostAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _snapshot = reply;
            _read = true;
            _stale = false;
            _removedDisks.IntersectWith(reply.Sessions.SelectMany(s => s.Disks).Select(d => WindowsDisks.Name(d.Number)));
            return reply;
        }
    }

    /// <summary>Reads the host only when it was never read (for the synchronous questions that need some inventory).</summary>
    public async Task EnsureReadAsync(CancellationToken cancellationToken)
    {
        bool read;
        lock (_gate)
        {
            read = _read;
        }

        if (!read)
        {
            await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the inventory as unknown: a script was cancelled or timed out, so it may have done its work without
    /// saying so (a killed <c>connect</c> can leave a session and a target portal behind for the undo to find).
    /// </summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _stale = true;
            _fresh = false;
        }
    }

    /// <summary>Re-reads the host when <see cref="Invalidate"/> was called since the last read.</summary>
    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        bool stale;
        lock (_gate)
        {
            stale = _stale;
        }

        if (stale)
        {
            await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Folds a connect reply into the inventory and marks it fresh for the next <see cref="ReadAsync"/>.</summary>
    public void Apply(ConnectReply reply, PortalArgument portal)
    {
        lock (_gate)
        {
            var portals = _snapshot.TargetPortals.ToList();
            if (reply.PortalCreated && !portals.Exists(p => SamePortal(p, portal)))
            {
                portals.Add(new MsftIscsiTargetPortal { TargetPortalAddress = portal.TargetPortalAddress, TargetPortalPortNumber = (ushort)portal.TargetPortalPortNumber, InitiatorPortalAddress = portal.InitiatorPortalAddress });
            }

            var sessions = _snapshot.Sessions.ToList();
            if (reply.Session?.SessionIdentifier is { } id)
            {
                var index = sessions.FindIndex(s => s.Session?.SessionIdentifier == id);
                var known = index >= 0 ? sessions[index] : new HostSession { Session = reply.Session, Connections = reply.Connections };
                var merged = known with
                {
                    Session = reply.Session,
                    Devices = reply.Device is { } device ? [.. known.Devices.Where(d => d.ScsiLun != device.ScsiLun), device] : known.Devices,
                    Disks = reply.Disk is { } disk ? [.. known.Disks.Where(d => d.Number != disk.Number), disk] : known.Disks,
                };
                if (index >= 0)
                {
                    sessions[index] = merged;
                }
                else
                {
                    sessions.Add(merged);
                }

                if (reply.Disk is { } found)
                {
                    _removedDisks.Remove(WindowsDisks.Name(found.Number));
                }
            }

            _snapshot = _snapshot with { TargetPortals = portals, Sessions = sessions };
            _fresh = true;
        }
    }

    /// <summary>Folds a disconnect reply into the inventory.</summary>
    public void Apply(DisconnectReply reply)
    {
        lock (_gate)
        {
            var gone = reply.Disconnected.Concat(reply.Missing).ToHashSet(StringComparer.Ordinal);
            _snapshot = _snapshot with
            {
                Sessions = [.. _snapshot.Sessions.Where(s => s.Session?.SessionIdentifier is not { } id || !gone.Contains(id))],
                TargetPortals = [.. _snapshot.TargetPortals.Where(p => !reply.PortalsRemoved.Any(r => SamePortal(p, r)))],
            };
        }
    }

    /// <summary>A small number for a session identifier, stable for this process (the neutral flow counts sessions by number).</summary>
    public int Number(string sessionIdentifier)
    {
        lock (_gate)
        {
            if (!_numbers.TryGetValue(sessionIdentifier, out var number))
            {
                number = _numbers.Count + 1;
                _numbers[sessionIdentifier] = number;
            }

            return number;
        }
    }

    /// <summary>Remembers that the flow let go of a disk: Windows removes it only at logout, so until then it counts as gone.</summary>
    public void MarkRemoved(string disk)
    {
        lock (_gate)
        {
            _removedDisks.Add(disk);
        }
    }

    public bool IsRemoved(string disk)
    {
        lock (_gate)
        {
            return _removedDisks.Contains(disk);
        }
    }

    public static bool SamePortal(MsftIscsiTargetPortal known, PortalArgument portal) =>
        known.TargetPortalPortNumber == portal.TargetPortalPortNumber
        && known.TargetPortalAddress is { } address
        && new IscsiPortal(address, portal.TargetPortalPortNumber).SameAddressAs(new IscsiPortal(portal.TargetPortalAddress, portal.TargetPortalPortNumber));

    private static bool SamePortal(MsftIscsiTargetPortal known, MsftIscsiTargetPortal other) =>
        other.TargetPortalAddress is { } address && SamePortal(known, new PortalArgument { TargetPortalAddress = address, TargetPortalPortNumber = other.TargetPortalPortNumber ?? 0 });
}
