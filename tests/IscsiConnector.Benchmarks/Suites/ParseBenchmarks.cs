using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IscsiConnector.Benchmarks.Support;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>BenchmarkDotNet class for the parse suite (full mode). The baseline is the peer: parsing without validation.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly string _json = Volumes.RealisticMultipathChapDocument;

    [Benchmark(Baseline = true)]
    public JsonValueKind JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public ConnectionInfo ConnectionInfoParse() => ConnectionInfo.Parse(_json);
}
