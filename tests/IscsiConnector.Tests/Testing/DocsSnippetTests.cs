using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using IscsiConnector.Testing.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IscsiConnector.Tests.Testing;

/// <summary>
/// Every <c>```csharp</c> block of docs/testing.md and docs/telemetry.md compiled as written — a top-level program with its own
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

    // docs/telemetry.md's reader has also referenced OpenTelemetry (with its hosting extensions and in-memory exporter)
    // and Microsoft.Extensions.DependencyInjection/Diagnostics: those assemblies, as this test project resolved them.
    private static readonly Lazy<MetadataReference[]> TelemetryReferences = new(() =>
        [.. References.Value, .. Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("OpenTelemetry", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Where(f => !References.Value.OfType<PortableExecutableReference>().Any(r => Path.GetFileName(r.FilePath) == Path.GetFileName(f)))
            .Select(f => MetadataReference.CreateFromFile(f))]);

    private static readonly string[] Documents = ["docs/testing.md", "docs/telemetry.md"];

    public static TheoryData<string, string> SnippetNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var document in Documents)
            {
                foreach (var name in Snippets(document).Keys)
                {
                    data.Add(document, name);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Docs_HaveTheSnippetsThisClassKnows_EachNamedAndWithItsUsings()
    {
        Snippets("docs/testing.md").Keys.Should().BeEquivalentTo(["fake-executor", "simulated-host", "connector", "dead-portal", "scenario"]);
        Snippets("docs/telemetry.md").Keys.Should().BeEquivalentTo(["opentelemetry"]);
        foreach (var document in Documents)
        {
            var snippets = Snippets(document);
            snippets.Should().OnlyContain(s => s.Value.StartsWith("using ", StringComparison.Ordinal), "a snippet pasted into a file must compile as it stands");
            CodeBlocks(document).Should().HaveCount(snippets.Count, $"every C# block of {document} is a named, tested snippet");
        }
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public async Task Snippet_CompilesAsWrittenAndRuns(string document, string name)
    {
        var code = Snippets(document)[name];
        var compilation = CSharpCompilation.Create(
            "snippet_" + name.Replace('-', '_'),
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            document.EndsWith("telemetry.md", StringComparison.Ordinal) ? TelemetryReferences.Value : References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();

        var emitted = compilation.Emit(image);

        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty($"{document} snippet '{name}' must compile as written");
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
            throw new InvalidOperationException($"{document} snippet '{name}' failed when run: {e.InnerException.Message}", e.InnerException);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The blocks under <c>&lt;!-- snippet: name --&gt;</c>, by name.</summary>
    private static Dictionary<string, string> Snippets(string document) =>
        NamedSnippet().Matches(Document(document)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);

    private static List<string> CodeBlocks(string document) => [.. CodeBlock().Matches(Document(document)).Select(m => m.Value)];

    private static string Document(string document) => File.ReadAllText(TestBed.RepositoryFile(document)).ReplaceLineEndings("\n");

    [GeneratedRegex(@"<!-- snippet: (?<name>[a-z-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NamedSnippet();

    [GeneratedRegex(@"```csharp\n.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
