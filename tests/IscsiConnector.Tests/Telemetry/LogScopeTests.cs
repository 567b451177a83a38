using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace IscsiConnector.Tests.Telemetry;

/// <summary>
/// The log scope of each operation, read with the platform's <see cref="FakeLoggerProvider"/>. (Extend has its span
/// and scope too, but on the simulated host it writes no log line to check.)
/// </summary>
public sealed class LogScopeTests
{
    [Theory]
    [InlineData("Attach")]
    [InlineData("Detach")]
    public async Task Operation_EveryLogLine_CarriesTheOperationAndVolumeScope(string operation)
    {
        using var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var host = Samples.Host("healthy-single");
        var connector = host.CreateConnector(loggerFactory: factory);
        var info = Samples.Info("single");
        var attachment = operation == "Attach" ? null : await connector.ConnectVolumeAsync(info);
        logs.Collector.Clear();

        _ = operation switch
        {
            "Attach" => (object)await connector.ConnectVolumeAsync(info),
            _ => await connector.DisconnectVolumeAsync(info, attachment),
        };

        var records = logs.Collector.GetSnapshot();
        records.Should().NotBeEmpty();
        records.Should().OnlyContain(r => ScopeValues(r).Contains(new KeyValuePair<string, object?>("Operation", operation))
            && ScopeValues(r).Contains(new KeyValuePair<string, object?>("VolumeId", info.VolumeId)));
    }

    [Fact]
    public async Task ConcurrentAttaches_EachLogLine_NamesItsOwnVolume()
    {
        using var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var host = Samples.Host("healthy-single");
        var connector = host.CreateConnector(loggerFactory: factory);
        var first = Samples.Info("single");
        var second = ConnectionInfo.Parse(Samples.InfoJson("single").Replace(first.VolumeId!, "another-volume", StringComparison.Ordinal));

        await Task.WhenAll(connector.ConnectVolumeAsync(first), connector.ConnectVolumeAsync(second));

        // The device-found line names the device of its own attach; both attaches log one, each under its own volume.
        var found = logs.Collector.GetSnapshot().Where(r => r.Id.Id == IscsiEventIds.DeviceFound).ToList();
        found.Select(r => ScopeValues(r).Single(v => v.Key == "VolumeId").Value).Should().BeEquivalentTo(new[] { first.VolumeId, "another-volume" });
    }

    private static List<KeyValuePair<string, object?>> ScopeValues(FakeLogRecord record) =>
        [.. record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s)];
}
