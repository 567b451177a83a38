using IscsiConnector.Testing.Scenarios;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Cli.Hosting;

/// <summary>Reads <c>--simulate</c> scenario files.</summary>
internal static class ScenarioLoader
{
    /// <summary>Loads a scenario file into a host; an invalid scenario is a usage error.</summary>
    public static (SimulatedIscsiHost Host, string Description) Load(string path, TimeProvider time)
    {
        var json = InputFiles.Read(path, "--simulate");
        try
        {
            var scenario = ScenarioDefinition.Parse(json);
            return (SimulatedIscsiHost.FromScenario(scenario, time), scenario.Description ?? Path.GetFileName(path));
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--simulate: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
