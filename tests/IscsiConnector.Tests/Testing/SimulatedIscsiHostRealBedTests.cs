using System.Text.RegularExpressions;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

/// <summary>
/// Replays commands of tests/system/captures/*.txt (the real QEMU bed) on a host shaped like that bed and compares
/// exit code, stdout and stderr with what the real programs printed.
/// </summary>
public partial class SimulatedIscsiHostRealBedTests
{
    private const string Cap1 = "iqn.2024-01.test.testbed:cap1";
    private const string CapChap = "iqn.2024-01.test.testbed:capchap";

    [Theory]
    [InlineData("iscsiadm -m node -T iqn.2024-01.test.testbed:cap1 -p 127.0.0.1:3260 -I no-such-iface --login")]
    [InlineData("iscsiadm -m node -o new -T iqn.2024-01.test.testbed:cap1 -p 127.0.0.1:3260 -I no-such-iface")]
    [InlineData("iscsiadm -m discovery -t sendtargets -p 127.0.0.1:3260 -I no-such-iface")]
    public async Task UnknownIface_AsCaptured_SameExitCodeAndTexts(string commandLine)
    {
        var host = BedHost();
        await Replay(host, CaptureFile.Load("iface-unknown-login.txt").Command("iscsiadm -m discovery -t sendtargets -p 127.0.0.1:3260"));

        await Replay(host, CaptureFile.Load("iface-unknown-login.txt").Command(commandLine));

        host.NodeRecords.Should().OnlyContain(n => n.Iface == "default", "nothing is created through a missing iface");
    }

    [Fact]
    public async Task NodeUpdate_SeveralPairsThenUnknownKeyThenMissingRecord_AsCaptured()
    {
        var capture = CaptureFile.Load("node-update-multi.txt");
        var host = BedHost();
        await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", "127.0.0.1:3260");

        await Replay(host, capture.Command("iscsiadm -m node -T iqn.2024-01.test.testbed:cap1 -p 127.0.0.1:3260 -o update -n node.session.auth.authmethod -v CHAP -n node.session.auth.username -v multiuser -n node.conn[0].timeo.login_timeout -v 7 -n node.session.initial_login_retry_max -v 3"));
        await Replay(host, capture.Command("iscsiadm -m node -T iqn.2024-01.test.testbed:cap1 -p 127.0.0.1:3260 -o update -n node.session.auth.authmethod -v None -n node.no.such.key -v 1"));
        await Replay(host, capture.Command("iscsiadm -m node -T iqn.2024-01.test.testbed:cap1 -p 127.0.0.9:3260 -o update -n node.startup -v manual"));

        var record = host.NodeRecords.Single(n => n.TargetIqn == Cap1);
        record.Settings["node.conn[0].timeo.login_timeout"].Should().Be("7");
        record.Settings["node.session.auth.username"].Should().Be("multiuser");
    }

    [Fact]
    public async Task Discoverydb_ShowListDeleteShow_AsCaptured()
    {
        var capture = CaptureFile.Load("discoverydb.txt");
        var host = BedHost();

        // The bed's capture script created the record before this file starts.
        await host.Iscsiadm("-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-o", "new");
        await Replay(host, capture.Command("iscsiadm -m discoverydb -t sendtargets -p 127.0.0.1:3260 --discover"));
        await Replay(host, capture.Command("iscsiadm -m discoverydb -t sendtargets -p 127.0.0.1:3260 -o show -P 1"));
        await Replay(host, capture.Command("iscsiadm -m discoverydb -t sendtargets -p 127.0.0.1:3260 -o show"));
        await Replay(host, capture.Command("iscsiadm -m discovery"));
        await Replay(host, capture.Command("iscsiadm -m node"));
        await Replay(host, capture.Command("iscsiadm -m discoverydb -t sendtargets -p 127.0.0.1:3260 -o delete"));
        await Replay(host, capture.Commands("iscsiadm -m discoverydb -t sendtargets -p 127.0.0.1:3260 -o show")[1]);

        // Deleting the discovery record deleted the node records found through it (the capture's last "-m node").
        var nodes = await host.Iscsiadm("-m", "node");
        (nodes.ExitCode, nodes.StandardError).Should().Be((21, "iscsiadm: No records found\n"));
    }

    [Fact]
    public async Task IfaceNewAndShowAfterDelete_AsCaptured()
    {
        var capture = CaptureFile.Load("iface-create.txt");
        var host = BedHost();

        await Replay(host, capture.Command("iscsiadm -m iface -I cxgb4i.00:07:43:aa:bb:cc -o new"));
        await Replay(host, capture.Command("iscsiadm -m iface -I cxgb4i.00:07:43:aa:bb:cc -o update -n iface.transport_name -v cxgb4i"));
        await Replay(host, capture.Command("iscsiadm -m iface -I cxgb4i.00:07:43:aa:bb:cc -o delete"));
        await Replay(host, capture.Commands("iscsiadm -m iface -I cxgb4i.00:07:43:aa:bb:cc -o show")[1]);
    }

    [Fact]
    public async Task MultipathFlush_BusyThenFreeThenUnknown_AsCapturedApartFromUptimeStamps()
    {
        var capture = CaptureFile.Load("multipath.txt");
        var host = BedHost();
        host.FindMultipaths = FindMultipathsMode.No;
        await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", "127.0.0.1:3260");
        await host.Iscsiadm("-m", "node", "-T", Cap1, "-p", "127.0.0.1:3260", "--login");
        host.MultipathMaps.Select(m => m.Name).Should().Contain("mpatha");
        host.MakeMapBusy("mpatha");

        foreach (var (line, index) in new[] { ("multipath -f mpatha", 0), ("multipath -f mpatha", 1), ("multipath -f no-such-map", 0) })
        {
            var expected = NthCommand(capture, line, index);
            var actual = await host.Run("multipath", expected.Arguments);

            actual.ExitCode.Should().Be(expected.ExitCode, line);
            WithoutStamps(actual.StandardError).Should().Be(WithoutStamps(expected.StandardError), line);
        }
    }

    private static CapturedCommand NthCommand(CaptureFile capture, string line, int index) => capture.Commands(line)[index];

    private static async Task Replay(SimulatedIscsiHost host, CapturedCommand expected)
    {
        var args = expected.Arguments;
        var result = await host.Run(expected.CommandLine.Split(' ')[0], args);

        result.ExitCode.Should().Be(expected.ExitCode, expected.CommandLine);
        result.StandardOutput.Should().Be(expected.StandardOutput, expected.CommandLine);
        result.StandardError.Should().Be(expected.StandardError, expected.CommandLine);
    }

    private static string WithoutStamps(string text) => StampPattern().Replace(text, string.Empty);

    /// <summary>The bed's targets: cap1 and capchap (CHAP) on 127.0.0.1-3, as tests/system/guest/capture.sh sets them up.</summary>
    private static SimulatedIscsiHost BedHost() =>
        new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget(Cap1, new SimulatedLun(1, 64L << 20))
            .AddTarget(CapChap, new SimulatedLun(1, 64L << 20))
            .WithTargetChap(CapChap, "capuser", "capsecret-throwaway")
            .AddPortal("127.0.0.1:3260")
            .AddPortal("127.0.0.2:3260")
            .AddPortal("127.0.0.3:3260");

    private static string WithoutSid(string text) => SidPattern().Replace(text, "sid: N");

    [GeneratedRegex(@"sid: \d+")]
    private static partial Regex SidPattern();

    [GeneratedRegex(@"(?m)^\d+\.\d{6} \| ")]
    private static partial Regex StampPattern();
}
