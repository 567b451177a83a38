using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Testing;

namespace IscsiConnector.Tests.Telemetry;

/// <summary>The shipped scenario and connection_info samples (samples/), loaded as a user of the CLI's --simulate would.</summary>
internal static class Samples
{
    public static SimulatedIscsiHost Host(string scenario) =>
        SimulatedIscsiHost.FromScenario(File.ReadAllText(TestBed.RepositoryFile($"samples/scenarios/{scenario}.json")), new SimulatedTimeProvider());

    public static ConnectionInfo Info(string name) => ConnectionInfo.Parse(InfoJson(name));

    public static string InfoJson(string name) => File.ReadAllText(TestBed.RepositoryFile($"samples/connection-info/{name}.json"));
}
