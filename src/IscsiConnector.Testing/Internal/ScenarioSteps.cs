using IscsiConnector.Testing.Scenarios;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// What building a simulated host from a scenario is alike on every platform: a step's invalid value reported under
/// its scenario key, and the keys every host reads the same way (initiator name, targets with their LUNs and CHAP,
/// a portal's state).
/// </summary>
internal static class ScenarioSteps
{
    /// <summary>Runs one configuration step and turns an invalid value (argument or format error) into a <see cref="FormatException"/> naming the scenario key.</summary>
    public static void Apply(string key, Action step)
    {
        try
        {
            step();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new FormatException($"Scenario key '{key}': {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="step"/> for each item of a list key, each under its own key (<c>name[i]</c>).</summary>
    public static void ForEach<T>(IReadOnlyList<T>? items, string name, Action<T> step)
    {
        items ??= [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Apply($"{name}[{i}]", () => step(item));
        }
    }

    /// <summary>Sets the initiator name when the scenario has one (<c>initiator_name</c>).</summary>
    public static void InitiatorName(ScenarioDefinition scenario, Action<string> set) =>
        Apply("initiator_name", () =>
        {
            if (scenario.InitiatorName is { } name)
            {
                set(name);
            }
        });

    /// <summary>Adds every target (<c>targets[i]</c>) with its LUNs, and its CHAP account when it has one.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="add">Adds a target with its LUNs.</param>
    /// <param name="chap">Sets a target's CHAP account.</param>
    public static void Targets(ScenarioDefinition scenario, Action<string, SimulatedLun[]> add, Action<string, ScenarioChap> chap) =>
        ForEach(scenario.Targets, "targets", target =>
        {
            add(target.Iqn, [.. (target.Luns ?? []).Select(l => new SimulatedLun(l.Lun, l.SizeBytes, l.Wwid, l.Vendor ?? "IET", l.Model ?? "VIRTUAL-DISK"))]);
            if (target.Chap is { } account)
            {
                chap(target.Iqn, account);
            }
        });

    /// <summary>A portal's <c>state</c> (absent: up).</summary>
    /// <exception cref="FormatException">The state is none of the known ones; the message names <c>portals[index].state</c>.</exception>
    public static PortalState StateOf(ScenarioPortal portal, int index) => portal.State?.ToLowerInvariant() switch
    {
        null or "up" => PortalState.Up,
        "refusing" or "refused" => PortalState.Refusing,
        "blackholed" or "blackhole" => PortalState.Blackholed,
        var other => throw new FormatException($"Scenario key 'portals[{index}].state': '{other}' is not one of up, refusing (or refused), blackholed."),
    };
}
