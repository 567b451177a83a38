using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using IscsiConnector.Testing.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IscsiConnector.Tests.Testing;

/// <summary>
/// Every <c>```csharp</c> block of docs/testing.md compiled as written — a top-level program with its own
/// <c>using</c>s, against the IscsiConnector, IscsiConnector.Testing and FluentAssertions assemblies — and run. A
/// snippet that no longer compiles, or whose assertions fail, fails here; there is no second copy to drift.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The framework this test runs on, plus the packages a reader of docs/testing.md has referenced.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = new[] { typeof(IVolumeConnector), typeof(SimulatedIscsiHost), typeof(FluentAssertions.AssertionExtensions), typeof(Microsoft.Extensions.Logging.ILogger), typeof(Microsoft.Extensions.Options.IOptions<>) }
            .Select(t => t.Assembly.Location);
        return [.. platform.Concat(packages).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    });

    public static TheoryData<string> SnippetNames => [.. Snippets().Keys];

    [Fact]
    public void Docs_HaveTheSnippetsThisClassKnows_EachNamedAndWithItsUsings()
    {
        var snippets = Snippets();

        snippets.Keys.Should().BeEquivalentTo(["fake-executor", "simulated-host", "connector", "dead-portal", "scenario"]);
        snippets.Should().OnlyContain(s => s.Value.StartsWith("using ", StringComparison.Ordinal), "a snippet pasted into a file must compile as it stands");
        CodeBlocks().Should().HaveCount(snippets.Count, "every C# block of docs/testing.md is a named, tested snippet");
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public async Task Snippet_CompilesAsWrittenAndRuns(string name)
    {
        var code = Snippets()[name];
        var compilation = CSharpCompilation.Create(
            "snippet_" + name.Replace('-', '_'),
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();

        var emitted = compilation.Emit(image);

        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty($"docs/testing.md snippet '{name}' must compile as written");
        image.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint!;
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"docs/testing.md snippet '{name}' failed when run: {e.InnerException.Message}", e.InnerException);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The blocks under <c>&lt;!-- snippet: name --&gt;</c>, by name.</summary>
    private static Dictionary<string, string> Snippets() =>
        NamedSnippet().Matches(Document()).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);

    private static List<string> CodeBlocks() => [.. CodeBlock().Matches(Document()).Select(m => m.Value)];

    private static string Document() => File.ReadAllText(TestBed.RepositoryFile("docs/testing.md")).ReplaceLineEndings("\n");

    [GeneratedRegex(@"<!-- snippet: (?<name>[a-z-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NamedSnippet();

    [GeneratedRegex(@"```csharp\n.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
