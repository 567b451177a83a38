using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Testing;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;
using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

// Keeps the snippets of docs/transports.md compiling and true: the lines between the markers are copied there,
// and each test checks that the document still holds them verbatim.
public sealed class TransportsDocTests
{
    [Fact]
    public async Task DocsSnippet_IfaceDefinitionAndFallback_AttachesThroughTheNewIface()
    {
        using var f = new TransportFixture(o => o.Transport = "default", withIface: false);
        f.Host.AddNetworkInterface("eth2", Mac, "cxgb4").AddOffloadHost(9, Mac, "cxgb4i");
        var executor = f.Host;
        var fileSystem = f.Host;
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        var options = new IscsiConnectorOptions();
        var log = new List<string>();

        // docs/transports.md snippet 1: begin
        options.IfaceDefinition = new IscsiIfaceDefinition("cxgb4i", "00:07:43:aa:bb:cc");
        options.TransportFallback = TransportFallback.FallBackToTcp;   // the default
        var connector = IscsiConnectorFactory.Create(options, executor, fileSystem);
        var attachment = await connector.ConnectVolumeAsync(info);
        foreach (var portal in attachment.Portals.Where(p => p.TransportFallback is not null))
        {
            log.Add($"{portal.Path}: {portal.TransportFallback}");      // why TCP was used instead
        }
        // docs/transports.md snippet 1: end

        attachment.Portals.Should().OnlyContain(p => p.Iface == "cxgb4i.00:07:43:aa:bb:cc");
        log.Should().BeEmpty();
        DocumentHolds(nameof(DocsSnippet_IfaceDefinitionAndFallback_AttachesThroughTheNewIface), "snippet 1");
    }

    [Fact]
    public async Task DocsSnippet_ValidateAndCheckHardware_ReportsTheMissingOffloadModule()
    {
        using var f = new TransportFixture(_ => { }, withHardware: false);
        f.Host.AddNetworkInterface("eth2", Mac, "cxgb4");
        var executor = f.Host;
        var fileSystem = f.Host;
        var log = new List<string>();

        // docs/transports.md snippet 2: begin
        var ifaces = new IscsiIfaceManager(executor, fileSystem);
        var iface = await ifaces.ValidateAsync("cxgb4i.00:07:43:aa:bb:cc");  // throws IscsiTransportException
        var check = ifaces.CheckHardware(iface);
        if (!check.IsUsable)
        {
            log.Add($"{check.Failure}: {check.Message}");  // OffloadHostNotFound: … modprobe cxgb4i …
        }
        // docs/transports.md snippet 2: end

        log.Should().ContainSingle().Which.Should().StartWith("OffloadHostNotFound: ").And.Contain("modprobe cxgb4i");
        DocumentHolds(nameof(DocsSnippet_ValidateAndCheckHardware_ReportsTheMissingOffloadModule), "snippet 2");
    }

    private static void DocumentHolds(string testName, string snippet)
    {
        var source = File.ReadAllLines(TestBed.RepositoryFile("tests/IscsiConnector.Tests/Transports/TransportsDocTests.cs"));
        var begin = Array.FindIndex(source, l => l.Contains($"docs/transports.md {snippet}: begin", StringComparison.Ordinal));
        var end = Array.FindIndex(source, l => l.Contains($"docs/transports.md {snippet}: end", StringComparison.Ordinal));
        var lines = source[(begin + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart());
        File.ReadAllText(TestBed.RepositoryFile("docs/transports.md")).Should().Contain(string.Join("\n", lines), $"docs/transports.md must show {snippet} of {testName} verbatim");
    }
}
