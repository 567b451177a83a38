using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>Gets the sessions, by id.</summary>
    public IReadOnlyList<SimulatedSession> Sessions => Locked(() => _state.Sessions.Values
        .Select(s => new SimulatedSession(s.Id, s.Iqn, s.Portal.Bracketed, s.Iface, s.HostNumber, s.State, s.Username))
        .ToList());

    /// <summary>Gets the node records, ordered as <c>iscsiadm -m node</c> lists them.</summary>
    public IReadOnlyList<SimulatedNodeRecord> NodeRecords => Locked(() => _state.Nodes
        .OrderBy(n => n.Iqn, StringComparer.Ordinal).ThenBy(n => n.Portal.Bracketed, StringComparer.Ordinal)
        .Select(n => new SimulatedNodeRecord(n.Iqn, n.Portal.Bracketed, n.Iface, n.Tpgt, new Dictionary<string, string>(n.Settings, StringComparer.Ordinal)))
        .ToList());

    /// <summary>Gets the SCSI devices that are visible now (controllers included), by host and LUN.</summary>
    public IReadOnlyList<SimulatedDevice> Devices => Locked(() => _state.VisibleDevices
        .OrderBy(d => d.Session.HostNumber).ThenBy(d => d.Lun.Lun)
        .Select(d => new SimulatedDevice(d.Hctl, d.DiskName, d.Session.Id, d.Session.Iqn, d.Session.Portal.Bracketed, d.Lun.Lun, d.SizeBytes, d.Lun.Wwid, d.State))
        .ToList());

    /// <summary>Gets the dm-multipath maps that are visible now.</summary>
    public IReadOnlyList<SimulatedMultipathMap> MultipathMaps => Locked(() => _state.VisibleMaps
        .OrderBy(m => m.DmIndex)
        .Select(m => new SimulatedMultipathMap(m.Name, m.DmName, m.Wwid, "mpath-" + Kernel.ScsiId(m.Wwid), m.SizeBytes, m.Paths.Select(p => p.DiskName!).ToList()))
        .ToList());

    /// <summary>
    /// Describes everything a clean disconnect should have removed: sessions, block devices, multipath maps and
    /// (unless <paramref name="includeNodeRecords"/> is <see langword="false"/>) node records. Empty means no leak.
    /// </summary>
    /// <param name="includeNodeRecords">Whether left-over node records count as leaks (os-brick deletes them on disconnect).</param>
    /// <returns>One human-readable line per leaked object.</returns>
    public IReadOnlyList<string> Leaks(bool includeNodeRecords = true) => Locked(() =>
    {
        var leaks = new List<string>();
        leaks.AddRange(_state.Sessions.Values.Select(s => $"session {s.Id}: {s.Iqn} via {s.Portal.Bracketed} ({s.State})"));
        leaks.AddRange(_state.Devices.Where(d => d.DiskName is not null).Select(d => $"device {d.DiskName} ({d.Hctl}, LUN {d.Lun.Lun} of {d.Session.Iqn})"));
        leaks.AddRange(_state.Maps.Select(m => $"multipath map {m.Name} ({m.DmName}) with paths [{string.Join(", ", m.Paths.Select(p => p.DiskName))}]"));
        if (includeNodeRecords)
        {
            leaks.AddRange(_state.Nodes.Select(n => $"node record {n.Iqn} {n.Portal.Bracketed} iface {n.Iface}"));
        }

        return (IReadOnlyList<string>)leaks;
    });
}
