namespace IscsiConnector.Testing.Simulation;

/// <summary>A snapshot of one node record (iscsiadm's node database), keyed by target, portal and iface.</summary>
/// <param name="TargetIqn">The target name.</param>
/// <param name="Portal">The portal, <c>127.0.0.1:3260</c> or <c>[::1]:3260</c>.</param>
/// <param name="Iface">The iface name.</param>
/// <param name="Tpgt">The portal group tag: 1 when discovered, -1 when made with <c>-o new</c> (listed as 4294967295).</param>
/// <param name="Settings">Every <c>key = value</c> of the record, secrets included (it is test data); <c>&lt;empty&gt;</c> for unset.</param>
public sealed record SimulatedNodeRecord(string TargetIqn, string Portal, string Iface, int Tpgt, IReadOnlyDictionary<string, string> Settings)
{
    /// <inheritdoc />
    public override string ToString() => $"node {TargetIqn} {Portal} iface {Iface}";
}
