namespace IscsiConnector.Tests.Support;

/// <summary>Reads fixture files (copied next to the test assembly) verbatim. See Fixtures/README.md for their origin.</summary>
public static class FixtureFiles
{
    /// <summary>Reads a fixture by its path under <c>Fixtures/</c>, e.g. <c>iscsiadm/session-list-two.txt</c>.</summary>
    /// <param name="relativePath">The path under Fixtures, with forward slashes.</param>
    /// <returns>The file's text, unchanged.</returns>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath.Replace('/', Path.DirectorySeparatorChar)));
}
