using System.Text.Json;
using System.Text.Json.Nodes;
using IscsiConnector;
using IscsiConnector.BedBench;
using Microsoft.Extensions.Logging;

// One JSON command per line on standard input, one JSON answer per line on standard output (see
// tests/system/bench/guest-bench.sh). Nothing else is written to standard output.
using var loggerFactory = LoggerFactory.Create(builder => builder
    .SetMinimumLevel(LogLevel.Debug)
    .AddProvider(new RecordingLoggerProvider()));
var host = new BenchHost(loggerFactory);
var output = Console.Out;
var socketWarmUpMs = await SocketWarmUp.RunAsync().ConfigureAwait(false);
output.WriteLine(new JsonObject
{
    ["ready"] = true,
    ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    ["socket_warmup_ms"] = socketWarmUpMs,
}.ToJsonString());
while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    JsonObject answer;
    try
    {
        var command = JsonNode.Parse(line)!.AsObject();
        if ((string?)command["op"] == "quit")
        {
            break;
        }

        answer = await host.HandleAsync(command).ConfigureAwait(false);
    }
    catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or ConnectionInfoException)
    {
        answer = new JsonObject { ["ok"] = false, ["error_type"] = e.GetType().Name, ["error"] = e.Message };
    }

    output.WriteLine(answer.ToJsonString());
    output.Flush();
}
