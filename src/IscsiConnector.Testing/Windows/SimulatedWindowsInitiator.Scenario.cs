using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Scenarios;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Windows;

/// <content>Building a simulated Windows host from the scenario format shared with <see cref="SimulatedIscsiHost"/>.</content>
public sealed partial class SimulatedWindowsInitiator
{
    /// <summary>The status code a scenario failure without <c>exitCode</c> reports: ISDSC_LOGIN_FAILED.</summary>
    public const long DefaultFailureCode = 0xEFFF0002;

    /// <summary>Builds a host from a scenario document (the format of docs/testing.md).</summary>
    /// <param name="json">The scenario JSON.</param>
    /// <param name="timeProvider">The clock; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The configured host.</returns>
    /// <exception cref="FormatException">The document is invalid; the message names the key.</exception>
    public static SimulatedWindowsInitiator FromScenario(string json, TimeProvider? timeProvider = null) =>
        FromScenario(ScenarioDefinition.Parse(json), timeProvider);

    /// <summary>
    /// Builds a host from a parsed scenario. Targets, LUNs, CHAP, portals and their states mean what they mean for
    /// <see cref="SimulatedIscsiHost"/>; <c>multipathd.running</c> says whether MPIO is installed; <c>latency_ms</c>
    /// (<c>default</c> or <c>powershell</c>) is the cost of one PowerShell run; <c>delays_ms.scan</c> delays new disks.
    /// A failure's <c>program</c> names a cmdlet (e.g. <c>Connect-IscsiTarget</c>) and its <c>exitCode</c> the 32 bits
    /// of the status code (absent: <see cref="DefaultFailureCode"/>); Linux-only keys (udev, find_multipaths) are ignored.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="timeProvider">The clock; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The configured host.</returns>
    /// <exception cref="FormatException">A value is invalid; the message names the key.</exception>
    public static SimulatedWindowsInitiator FromScenario(ScenarioDefinition scenario, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var host = new SimulatedWindowsInitiator(timeProvider);
        ScenarioSteps.InitiatorName(scenario, name => host.InitiatorName = name);
        host.MpioInstalled = scenario.Multipathd?.Running ?? true;
        var latencies = scenario.LatencyMs ?? new Dictionary<string, double>();
        if (latencies.TryGetValue("powershell", out var ms) || latencies.TryGetValue("default", out ms))
        {
            ScenarioSteps.Apply("latency_ms", () => host.WithLatency(TimeSpan.FromMilliseconds(ms)));
        }

        if (scenario.DelaysMs is { } delays && delays.TryGetValue("scan", out var scan))
        {
            ScenarioSteps.Apply("delays_ms.scan", () => host.WithScanDelay(TimeSpan.FromMilliseconds(scan)));
        }

        ScenarioSteps.Targets(scenario, (iqn, luns) => host.AddTarget(iqn, luns), (iqn, chap) => host.WithTargetChap(iqn, chap.Username, chap.Password, chap.UsernameIn, chap.PasswordIn));

        var portals = scenario.Portals ?? [];
        for (var i = 0; i < portals.Count; i++)
        {
            var portal = portals[i];
            var state = ScenarioSteps.StateOf(portal, i);
            ScenarioSteps.Apply($"portals[{i}]", () => host.AddPortal(portal.Address, state, [.. portal.Targets ?? []]));
        }

        ScenarioSteps.ForEach(scenario.Failures, "failures", failure =>
            host.InjectFailure(failure.Program, failure.Times ?? 1, failure.ExitCode is { } bits ? (long)(uint)bits : DefaultFailureCode, failure.Stderr ?? "Login Failed."));

        return host;
    }
}
