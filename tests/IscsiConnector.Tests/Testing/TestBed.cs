using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.Testing;

/// <summary>Builds simulated hosts shaped like the captured QEMU test bed, and runs commands on them.</summary>
internal static class TestBed
{
    public const string Disk1 = "iqn.2024-01.test.vmspike:disk1";
    public const string Chap = "iqn.2024-01.test.vmspike:chap";

    /// <summary>The captured set-up: tgtd on 127.0.0.1 and .2 with disk1 (64 MiB) and chap (32 MiB, CHAP), .3 blackholed, 127.0.0.1:3261 refused.</summary>
    public static SimulatedIscsiHost CaptureHost(TimeProvider? time = null) =>
        new SimulatedIscsiHost(time ?? new SimulatedTimeProvider())
            .WithInitiatorName("iqn.2024-01.test.vmspike:initiator")
            .AddTarget(Disk1, new SimulatedLun(1, 64L << 20, Vendor: "VMSPIKE", Model: "DISK1"))
            .AddTarget(Chap, new SimulatedLun(1, 32L << 20))
            .WithTargetChap(Chap, "chapuser", "chapsecret123")
            .AddPortal("127.0.0.1:3260")
            .AddPortal("127.0.0.2:3260")
            .AddPortal("127.0.0.3:3260", PortalState.Blackholed)
            .AddPortal("127.0.0.1:3261", PortalState.Refusing);

    public static Task<CommandResult> Run(this ICommandExecutor executor, string program, params string[] args) =>
        executor.ExecuteAsync(new CommandSpec(program, args));

    public static Task<CommandResult> Iscsiadm(this ICommandExecutor executor, params string[] args) => executor.Run("iscsiadm", args);

    /// <summary>Discovers through both live portals and logs in to disk1 on <paramref name="portals"/>.</summary>
    public static async Task LoginDisk1(SimulatedIscsiHost host, params string[] portals)
    {
        foreach (var portal in portals)
        {
            (await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", portal)).ExitCode.Should().Be(0);
            (await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", portal, "--login")).ExitCode.Should().Be(0);
        }
    }

    /// <summary>Reads a fixture copied from the captures, without its first (provenance) line.</summary>
    public static string Fixture(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "simulated-host", name));
        return text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Finds a file of the repository (samples, docs) by walking up from the test output folder.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
