using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;

using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

/// <summary><see cref="IscsiIfaceManager.DeleteAsync"/>: a user's explicit request; built-ins refused before any command.</summary>
public sealed class IfaceDeletionTests
{
    private const string Name = "cxgb4i.00:07:43:aa:bb:cc";
    private readonly SimulatedIscsiHost _db = new();

    [Fact]
    public async Task DeleteAsync_Existing_ShowsThenDeletes()
    {
        _db.WithIface(Name, "cxgb4i", "00:07:43:aa:bb:cc");

        var deleted = await Manager().DeleteAsync(Name);

        deleted.Should().BeTrue();
        _db.Ifaces.Select(i => i.Name).Should().NotContain(Name);
        Rendered().Should().Equal($"-m iface -I {Name} -o show", $"-m iface -I {Name} -o delete");
    }

    [Fact]
    public async Task DeleteAsync_Missing_ReturnsFalseWithoutDeleting()
    {
        var deleted = await Manager().DeleteAsync(Name);

        deleted.Should().BeFalse();
        Rendered().Should().Equal($"-m iface -I {Name} -o show");
    }

    [Theory]
    [InlineData("default")]
    [InlineData("iser")]
    [InlineData("-o")]
    public async Task DeleteAsync_BuiltInOrBadName_ThrowsBeforeAnyCommand(string name)
    {
        await Manager().Invoking(m => m.DeleteAsync(name)).Should().ThrowAsync<ArgumentException>();

        _db.Invocations.Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_DeleteFails_ThrowsIfaceCommandFailed()
    {
        _db.WithIface(Name, "cxgb4i", "00:07:43:aa:bb:cc");
        _db.InjectFailure("iscsiadm", ["-m", "iface", "-I", Name, "-o", "delete"], 1, 7, "iscsiadm: Could not delete iface");

        var error = (await Manager().Invoking(m => m.DeleteAsync(Name)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceCommandFailed);
        error.IfaceName.Should().Be(Name);
        error.InnerException.Should().BeOfType<IscsiCommandException>();
    }

    private IscsiIfaceManager Manager() => new(_db, _db);

    private List<string> Rendered() => IfaceCommandsOf(_db).Select(c => string.Join(' ', c.ArgumentValues)).ToList();
}
