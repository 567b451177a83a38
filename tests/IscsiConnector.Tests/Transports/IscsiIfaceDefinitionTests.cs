using IscsiConnector.Transports;

namespace IscsiConnector.Tests.Transports;

public sealed class IscsiIfaceDefinitionTests
{
    [Fact]
    public void EffectiveName_NoName_IsTransportDotLowercaseHwaddress() =>
        new IscsiIfaceDefinition("cxgb4i", "00:07:43:AA:BB:CC").EffectiveName.Should().Be("cxgb4i.00:07:43:aa:bb:cc");

    [Fact]
    public void EffectiveName_TcpByNetInterface_IsTransportDotInterface() =>
        new IscsiIfaceDefinition("tcp", null) { NetInterfaceName = "eth1" }.EffectiveName.Should().Be("tcp.eth1");

    [Fact]
    public void EffectiveName_ExplicitName_Wins() =>
        new IscsiIfaceDefinition("cxgb4i", "00:07:43:aa:bb:cc") { Name = "hba0" }.EffectiveName.Should().Be("hba0");

    [Fact]
    public void GetProblems_CompleteDefinition_IsEmpty() =>
        new IscsiIfaceDefinition("bnx2i", "00:10:18:aa:bb:cc") { IpAddress = "2001:db8::10", NetInterfaceName = "eth3", InitiatorName = "iqn.2024-01.test:hba" }
            .GetProblems().Should().BeEmpty();

    [Theory]
    [InlineData("tcpip", "00:07:43:aa:bb:cc", null, null, null, null, "TransportName \"tcpip\" is not a transport")]
    [InlineData("cxgb4i", "00:07:43:aa:bb", null, null, null, null, "HardwareAddress \"00:07:43:aa:bb\" is not a MAC address")]
    [InlineData("cxgb4i", "00-07-43-aa-bb-cc", null, null, null, null, "is not a MAC address")]
    [InlineData("cxgb4i", "00:07:43:aa:bb:zz", null, null, null, null, "is not a MAC address")]
    [InlineData("cxgb4i", null, null, null, null, null, "HardwareAddress is required for the offload transport cxgb4i")]
    [InlineData("tcp", null, null, null, null, null, "Give HardwareAddress, NetInterfaceName or Name")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", "[2001:db8::1]", null, null, null, "IpAddress \"[2001:db8::1]\" is not an IPv4 or IPv6 address")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", "10", null, null, null, "IpAddress \"10\" is not an IPv4 or IPv6 address")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, "-eth0", null, null, "NetInterfaceName \"-eth0\" starts with '-'")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, "eth/0", null, null, "NetInterfaceName \"eth/0\" contains '/'")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, "averyveryverylongname", null, null, "is longer than 15 characters")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, null, "not an iqn", null, "InitiatorName \"not an iqn\" is not a valid iSCSI name")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, null, null, "-I", "Name \"-I\" starts with '-'")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, null, null, "a b", "Name \"a b\" contains whitespace")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, null, null, "../etc", "Name \"../etc\" contains '/'")]
    [InlineData("tcp", "00:07:43:aa:bb:cc", null, null, null, "default", "is one of open-iscsi's built-in ifaces")]
    [InlineData("iser", "00:07:43:aa:bb:cc", null, null, null, "iser", "is one of open-iscsi's built-in ifaces")]
    public void GetProblems_BadField_NamesTheFieldAndTheProblem(string transport, string? mac, string? ip, string? netName, string? initiator, string? name, string expected)
    {
        var definition = new IscsiIfaceDefinition(transport, mac) { IpAddress = ip, NetInterfaceName = netName, InitiatorName = initiator, Name = name };

        definition.GetProblems().Should().ContainSingle().Which.Should().Contain(expected);
    }
}
