using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;
using Microsoft.Extensions.Options;
using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

/// <summary>The connector creating its iface from <see cref="IscsiConnectorOptions.IfaceDefinition"/>, and the option rules.</summary>
public sealed class IfaceDefinitionFlowTests
{
    private static readonly ConnectionInfo Single = new() { Primary = PathOf("127.0.0.1") };
    private static readonly IscsiIfaceDefinition Definition = new("cxgb4i", Mac);

    [Fact]
    public async Task ConnectVolumeAsync_DefinitionOfMissingIface_CreatesItOnceAndLogsInThroughIt()
    {
        using var f = new TransportFixture(o => { o.Transport = "default"; o.IfaceDefinition = Definition; }, withIface: false);

        await f.Connector.ConnectVolumeAsync(Single);
        await f.Connector.DisconnectVolumeAsync(Single);
        await f.Connector.ConnectVolumeAsync(Single);

        f.IfaceCommands.Count(c => c.ArgumentValues.Contains("new")).Should().Be(1, "the second attach reuses the iface");
        f.IfaceCommands.Should().NotContain(c => c.ArgumentValues.Contains("delete"));
        f.Host.Ifaces.Should().ContainSingle(i => i.Name == Cxgb4).Which.Should().Match<SimulatedIface>(i => i.HardwareAddress == Mac && i.Transport == "cxgb4i");
        f.IfaceUses().Where(u => u.Operation.StartsWith("node", StringComparison.Ordinal)).Should().OnlyContain(u => u.Iface == Cxgb4);
    }

    [Fact]
    public async Task ConnectVolumeAsync_DefinitionConflictsWithUserIface_FallsBackAndLeavesTheUserIfaceAlone()
    {
        using var f = new TransportFixture(o => o.IfaceDefinition = Definition with { IpAddress = "192.0.2.10" }, withIface: false);
        f.Host.WithIface(Cxgb4, "cxgb4i", Mac, ipAddress: "192.0.2.99");

        var attachment = await f.Connector.ConnectVolumeAsync(Single);

        attachment.Portals.Single().TransportFallback!.Reason.Should().Be(IscsiTransportFailureReason.IfaceConflict);
        f.Host.Ifaces.Single(i => i.Name == Cxgb4).IpAddress.Should().Be("192.0.2.99");
        f.IfaceCommands.Should().OnlyContain(c => c.ArgumentValues.Contains("show"));
    }

    [Fact]
    public void Create_InvalidDefinition_ThrowsNamingTheField()
    {
        var options = new IscsiConnectorOptions { IfaceDefinition = new IscsiIfaceDefinition("cxgb4i", "not-a-mac") };

        var error = FluentActions.Invoking(() => IscsiConnectorFactory.Create(options)).Should().Throw<OptionsValidationException>().Which;

        error.Message.Should().Contain("IfaceDefinition: HardwareAddress \"not-a-mac\" is not a MAC address");
    }

    [Fact]
    public void Create_TransportAndDefinitionNameDifferentIfaces_Throws()
    {
        var options = new IscsiConnectorOptions { Transport = "iser", IfaceDefinition = Definition };

        FluentActions.Invoking(() => IscsiConnectorFactory.Create(options)).Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain($"Transport 'iser' and IfaceDefinition (iface '{Cxgb4}') name different ifaces");
    }

    [Fact]
    public void Create_TransportEqualsDefinitionName_IsAccepted() =>
        FluentActions.Invoking(() => IscsiConnectorFactory.Create(new IscsiConnectorOptions { Transport = Cxgb4, IfaceDefinition = Definition }, new FakeCommandExecutor(), new SimulatedIscsiHost()))
            .Should().NotThrow();

    [Fact]
    public void Create_UndefinedFallback_Throws() =>
        FluentActions.Invoking(() => IscsiConnectorFactory.Create(new IscsiConnectorOptions { TransportFallback = (TransportFallback)7 }))
            .Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("TransportFallback (7) must be FallBackToTcp or Fail");
}
