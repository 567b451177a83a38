using IscsiConnector.Testing.Scenarios;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows;

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

    /// <summary>Loads a scenario file into a simulated Windows host (<c>--platform windows</c>); an invalid scenario is a usage error.</summary>
    public static (SimulatedWindowsInitiator Host, string Description) LoadWindows(string path, TimeProvider time)
    {
        var json = InputFiles.Read(path, "--simulate");
        try
        {
            var scenario = ScenarioDefinition.Parse(json);
            return (SimulatedWindowsInitiator.FromScenario(scenario, time), (scenario.Description ?? Path.GetFileName(path)) + " (simulated Windows host)");
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--simulate: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
