using System.CommandLine;
using System.Text.RegularExpressions;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Commands;

/// <summary>The options of <c>iface create</c>, turned into an <see cref="IscsiIfaceDefinition"/> checked before anything runs.</summary>
internal sealed partial class IfaceCreateOptions
{
    // The library names the definition's fields; the user typed options. Same order as GetProblems reports them.
    private static readonly (string Field, string Option)[] FieldOptions =
    [
        ("TransportName", "--transport"), ("HardwareAddress", "--hwaddress"), ("IpAddress", "--ipaddress"),
        ("NetInterfaceName", "--net-ifacename"), ("InitiatorName", "--initiatorname"), ("Name", "--name"),
    ];

    public Option<string> Transport { get; } = new("--transport") { Description = "The transport: tcp, iser, cxgb3i, cxgb4i, qla4xxx, bnx2i, be2iscsi, ocs or qedi.", HelpName = "transport", Required = true };

    public Option<string?> HardwareAddress { get; } = new("--hwaddress") { Description = "The MAC address to bind (required for offload transports).", HelpName = "mac" };

    public Option<string?> IpAddress { get; } = new("--ipaddress") { Description = "The IP address to bind.", HelpName = "ip" };

    public Option<string?> NetInterfaceName { get; } = new("--net-ifacename") { Description = "The network interface to bind, e.g. eth1.", HelpName = "if" };

    public Option<string?> InitiatorName { get; } = new("--initiatorname") { Description = "An initiator name for this iface only.", HelpName = "iqn" };

    public Option<string?> Name { get; } = new("--name") { Description = "The iface name (default <transport>.<hwaddress>, else <transport>.<net-ifacename>).", HelpName = "name" };

    public Option[] All => [Transport, HardwareAddress, IpAddress, NetInterfaceName, InitiatorName, Name];

    /// <summary>Builds the definition; any problem is a <see cref="UsageException"/> naming the option (exit 2, nothing run).</summary>
    public IscsiIfaceDefinition Definition(ParseResult result)
    {
        var definition = new IscsiIfaceDefinition(result.GetValue(Transport)!, result.GetValue(HardwareAddress))
        {
            IpAddress = result.GetValue(IpAddress),
            NetInterfaceName = result.GetValue(NetInterfaceName),
            InitiatorName = result.GetValue(InitiatorName),
            Name = result.GetValue(Name),
        };
        var problems = definition.GetProblems();
        return problems.Count == 0 ? definition : throw new UsageException(string.Join(" ", problems.Select(ToOptions)).ReplaceLineEndings(" "));
    }

    private static string ToOptions(string problem) =>
        FieldWord().Replace(problem, m => FieldOptions.First(f => f.Field == m.Value).Option);

    [GeneratedRegex(@"\b(TransportName|HardwareAddress|IpAddress|NetInterfaceName|InitiatorName|Name)\b")]
    private static partial Regex FieldWord();
}
