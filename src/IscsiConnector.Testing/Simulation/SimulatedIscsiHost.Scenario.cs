using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Scenarios;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>Builds a host from a scenario document (see docs/testing.md for the format).</summary>
    /// <param name="json">The scenario JSON.</param>
    /// <param name="timeProvider">The clock; the default value is <see cref="TimeProvider.System"/> (real time, as for a demo).</param>
    /// <returns>The configured host.</returns>
    /// <exception cref="FormatException">The document is invalid; the message names the key and the problem.</exception>
    public static SimulatedIscsiHost FromScenario(string json, TimeProvider? timeProvider = null) =>
        FromScenario(ScenarioDefinition.Parse(json), timeProvider);

    /// <summary>Builds a host from a parsed scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="timeProvider">The clock; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The configured host.</returns>
    /// <exception cref="FormatException">A value is invalid; the message names the key and the problem.</exception>
    public static SimulatedIscsiHost FromScenario(ScenarioDefinition scenario, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var host = new SimulatedIscsiHost(timeProvider);
        ScenarioSteps.InitiatorName(scenario, name => host.InitiatorName = name);
        host.Udev = scenario.Udev ?? true;
        if (scenario.Multipathd is { } multipath)
        {
            host.MultipathdRunning = multipath.Running ?? true;
            host.UserFriendlyNames = multipath.UserFriendlyNames ?? true;
            host.FindMultipaths = multipath.FindMultipaths?.ToLowerInvariant() switch
            {
                null or "yes" or "on" => FindMultipathsMode.Yes,
                "no" or "off" => FindMultipathsMode.No,
                "strict" => FindMultipathsMode.Strict,
                var other => throw new FormatException($"Scenario key 'multipathd.find_multipaths': '{other}' is not one of no, yes, strict."),
            };
        }

        foreach (var (program, milliseconds) in scenario.LatencyMs ?? new Dictionary<string, double>())
        {
            ScenarioSteps.Apply($"latency_ms.{program}", () =>
            {
                var latency = TimeSpan.FromMilliseconds(milliseconds);
                _ = program == "default" ? host.WithLatency(latency) : host.WithLatency(program, latency);
            });
        }

        if (scenario.DelaysMs is { } delays)
        {
            foreach (var key in delays.Keys.Where(k => k is not ("scan" or "udev" or "multipath")))
            {
                throw new FormatException($"Scenario key 'delays_ms.{key}': unknown; use scan, udev or multipath.");
            }

            TimeSpan Delay(string key) => TimeSpan.FromMilliseconds(delays.TryGetValue(key, out var ms) ? ms : 0);
            ScenarioSteps.Apply("delays_ms", () => host.WithAsyncDelays(Delay("scan"), Delay("udev"), Delay("multipath")));
        }

        ScenarioSteps.Targets(scenario, (iqn, luns) => host.AddTarget(iqn, luns), (iqn, chap) => host.WithTargetChap(iqn, chap.Username, chap.Password, chap.UsernameIn, chap.PasswordIn));

        var portals = scenario.Portals ?? [];
        for (var i = 0; i < portals.Count; i++)
        {
            var portal = portals[i];
            var state = ScenarioSteps.StateOf(portal, i);
            ScenarioSteps.Apply($"portals[{i}]", () =>
            {
                host.AddPortal(portal.Address, state, [.. portal.Targets ?? []]);
                if (portal.DiscoveryChap is { } chap)
                {
                    host.WithDiscoveryChap(portal.Address, chap.Username, chap.Password);
                }
            });
        }

        ScenarioSteps.ForEach(scenario.Failures, "failures", failure => host.InjectFailure(failure.Program, failure.Arguments ?? [], failure.Times ?? 1, failure.ExitCode ?? 1, failure.Stderr ?? string.Empty, failure.Stdout ?? string.Empty));

        return host;
    }
}
