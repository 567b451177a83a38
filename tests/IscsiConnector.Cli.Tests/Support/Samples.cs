namespace IscsiConnector.Cli.Tests.Support;

/// <summary>The shipped sample files (samples/scenarios and samples/connection-info), as paths relative to the repository root.</summary>
public static class Samples
{
    public const string HealthySingle = "samples/scenarios/healthy-single.json";
    public const string PrimaryDown = "samples/scenarios/primary-down.json";
    public const string MultipathOneDown = "samples/scenarios/multipath-one-down.json";
    public const string WrongChap = "samples/scenarios/wrong-chap.json";

    public const string Single = "samples/connection-info/single.json";
    public const string Failover = "samples/connection-info/failover.json";
    public const string Multipath = "samples/connection-info/multipath.json";
    public const string Chap = "samples/connection-info/chap.json";

    /// <summary>The password in connection-info/chap.json; must never be printed.</summary>
    public const string ChapPassword = "wrong-password";

    /// <summary>Writes a test's own scenario or input file to a fresh temporary directory and returns its path.</summary>
    public static string WriteTemp(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "iscsi-connector-cli-tests-" + Environment.UserName, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The test's own fixtures (tests/IscsiConnector.Cli.Tests/Fixtures), copied next to the test assembly.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
