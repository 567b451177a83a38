using System.Reflection;
using NetArchTest.Rules;

namespace IscsiConnector.Tests.Architecture;

/// <summary>
/// Keeps the layering of docs/architecture.md true. The allowed arrows are written down once, in <see cref="Layers"/>:
/// a layer may name the layers it lists and the shared vocabulary, nothing else. A new namespace must be given a place
/// (the last test fails until it is).
/// </summary>
public sealed class LayerTests
{
    /// <summary>Every layer, the namespaces it covers (with everything under them), and the layers it may name.</summary>
    public static readonly (string Name, string[] Namespaces, string[] MayName)[] Layers =
    [
        ("orchestrator", ["IscsiConnector.Connector.Internal"], ["portal attempt", "initiator contract", "transports", "locking", "resilience", "host check", "execution", "telemetry"]),
        ("portal attempt", ["IscsiConnector.PortalAttempts"], ["initiator contract", "transports", "locking", "resilience", "telemetry"]),
        ("initiator contract", ["IscsiConnector.Initiator"], []),
        ("platform initiators", ["IscsiConnector.Linux", "IscsiConnector.Windows"], ["initiator contract", "iscsiadm", "execution", "host", "host check"]),
        ("host check", ["IscsiConnector.Readiness"], []),
        ("transports", ["IscsiConnector.Transports"], ["iscsiadm", "execution", "host"]),
        ("iscsiadm", ["IscsiConnector.IscsiAdm"], ["execution"]),
        ("locking", ["IscsiConnector.Locking"], ["resilience", "host"]),
        ("resilience", ["IscsiConnector.Resilience"], []),
        ("execution", ["IscsiConnector.Execution"], []),
        ("host", ["IscsiConnector.Host"], []),
        ("serialization", ["IscsiConnector.Serialization"], ["transports"]),
        ("migration", ["IscsiConnector.Migration"], []),
        // Spans, instruments and the instrumented executor: a leaf the flow reports into; it wraps the execution seam.
        ("telemetry", ["IscsiConnector.Telemetry"], ["execution"]),
    ];

    /// <summary>The composition root: the only code that names every layer (it wires them together).</summary>
    private static readonly string[] Composition =
    [
        "IscsiConnector.IscsiConnectorFactory",
        "Microsoft.Extensions.DependencyInjection.IscsiConnectorServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.IscsiHostHealthCheckServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.HostCheckComposition",
    ];

    /// <summary>
    /// The shared vocabulary every layer may name: the public model in the root namespace (connection info, paths,
    /// outcomes, exceptions, options) and <c>IscsiConnector.Internal</c> (logging, value rules).
    /// </summary>
    private static readonly string[] Vocabulary = ["IscsiConnector", "IscsiConnector.Internal"];

    private static readonly Assembly Library = typeof(IVolumeConnector).Assembly;

    public static TheoryData<string> LayerNames => new(Layers.Select(l => l.Name));

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_NamesOnlyTheLayersItMayName(string layer)
    {
        var self = Layers.Single(l => l.Name == layer);
        var forbidden = Layers.Where(l => l.Name != layer && !self.MayName.Contains(l.Name)).SelectMany(l => l.Namespaces).Concat(Composition).ToArray();

        var result = TypesIn(self.Namespaces).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty($"the {layer} layer may name only {string.Join(", ", self.MayName.DefaultIfEmpty("no other layer"))}");
    }

    [Fact]
    public void Vocabulary_NamesNoFlowLayer()
    {
        // The vocabulary may describe the tools (transport values, iscsiadm codes, seams), never the flow that uses it.
        var flow = Layers.Where(l => l.Name is "orchestrator" or "portal attempt" or "initiator contract" or "platform initiators")
            .SelectMany(l => l.Namespaces).Concat(Composition).ToArray();

        var result = Types.InAssembly(Library).That().ResideInNamespaceMatching(@"^IscsiConnector(\.Internal)?$")
            .And().DoNotHaveName("IscsiConnectorFactory")
            .ShouldNot().HaveDependencyOnAny(flow).GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty("the public model and shared helpers must not name the orchestrator, portal attempts, initiator contract or platforms");
    }

    [Fact]
    public void EveryNamespace_HasAPlaceInTheLayers()
    {
        var placed = Layers.SelectMany(l => l.Namespaces).Concat(Vocabulary).Append("Microsoft.Extensions.DependencyInjection").ToList();

        var unplaced = Library.GetTypes()
            .Select(t => t.Namespace ?? string.Empty)
            .Where(ns => ns.Length > 0 && !ns.StartsWith("__", StringComparison.Ordinal) && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Where(ns => !placed.Exists(p => ns == p || (p != "IscsiConnector" && ns.StartsWith(p + ".", StringComparison.Ordinal))))
            .Distinct()
            .ToList();

        unplaced.Should().BeEmpty("every namespace needs a place in LayerTests.Layers (and in docs/architecture.md)");
    }

    private static PredicateList TypesIn(string[] namespaces)
    {
        var predicates = Types.InAssembly(Library).That().ResideInNamespace(namespaces[0]);
        foreach (var ns in namespaces.Skip(1))
        {
            predicates = predicates.Or().ResideInNamespace(ns);
        }

        return predicates;
    }
}
