using System.Diagnostics;
using System.Text.Json.Nodes;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.BedBench;

/// <summary>
/// Answers the runner's commands with the library in this one long-lived process, through the public
/// <see cref="IscsiConnectorFactory"/> API and its real process executor and file system, each wrapped
/// only to record what it did. One connector per multipath setting, as a node agent would keep.
/// </summary>
internal sealed class BenchHost(ILoggerFactory loggerFactory)
{
    private readonly Dictionary<string, IVolumeConnector> connectors = [];
    private readonly Dictionary<string, VolumeAttachment> attachments = [];
    private readonly Lock gate = new();

    public async Task<JsonObject> HandleAsync(JsonObject command)
    {
        var op = (string?)command["op"] ?? string.Empty;
        return op switch
        {
            "connect" or "disconnect" => await OneAsync(op, command).ConfigureAwait(false),
            "connect_many" or "disconnect_many" => await ManyAsync(op[..op.IndexOf('_', StringComparison.Ordinal)], command).ConfigureAwait(false),
            _ => new JsonObject { ["ok"] = false, ["error_type"] = "BadCommand", ["error"] = $"unknown op '{op}'" },
        };
    }

    private async Task<JsonObject> ManyAsync(string op, JsonObject command)
    {
        var items = command["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        foreach (var item in items)
        {
            item["multipath"] = command["multipath"]?.DeepClone();
            item["options"] = command["options"]?.DeepClone();
        }

        var sw = Stopwatch.StartNew();
        var answers = await Task.WhenAll(items.Select(item => Task.Run(() => OneAsync(op, item)))).ConfigureAwait(false);
        return new JsonObject
        {
            ["ok"] = answers.All(a => (bool)a["ok"]!),
            ["ms"] = Math.Round(sw.Elapsed.TotalMilliseconds, 1),
            ["procs"] = answers.Sum(a => (int)a["procs"]!),
            ["items"] = new JsonArray([.. answers]),
        };
    }

    private async Task<JsonObject> OneAsync(string op, JsonObject command)
    {
        var name = (string?)command["name"] ?? "volume";
        var multipath = (bool?)command["multipath"] ?? false;
        var connectionInfo = ConnectionInfo.Parse(new JsonObject { ["driver_volume_type"] = "iscsi", ["data"] = command["data"]!.DeepClone() }.ToJsonString());
        var connector = ConnectorFor(multipath, command["options"] as JsonObject);
        var answer = new JsonObject { ["ok"] = true };
        var record = new CallRecord();
        CallRecord.Current = record;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var sw = Stopwatch.StartNew();
        try
        {
            if (op == "connect")
            {
                var attachment = await connector.ConnectVolumeAsync(connectionInfo).ConfigureAwait(false);
                lock (gate)
                {
                    attachments[name] = attachment;
                }

                answer["path"] = attachment.Path;
                answer["paths"] = attachment.Devices.Count;
                answer["portals"] = Portals(attachment.Portals);
                answer["connector_ms"] = Math.Round(attachment.Elapsed.TotalMilliseconds, 1);
            }
            else
            {
                VolumeAttachment? attachment;
                lock (gate)
                {
                    attachments.Remove(name, out attachment);
                }

                var result = await connector.DisconnectVolumeAsync(connectionInfo, attachment).ConfigureAwait(false);
                answer["removed"] = result.RemovedDevices.Count;
                answer["logged_out"] = result.LoggedOut.Count;
                answer["problems"] = new JsonArray([.. result.Problems.Select(p => (JsonNode)p)]);
            }
        }
        catch (Exception e) when (e is IscsiException or ConnectionInfoException)
        {
            answer["ok"] = false;
            answer["error_type"] = e.GetType().Name;
            answer["error"] = e.Message.Length > 400 ? e.Message[..400] : e.Message;
            if (e is VolumeAttachException attach)
            {
                answer["auth_failure"] = attach.IsAuthenticationFailure;
                answer["portals"] = Portals(attach.Portals);
            }
        }
        finally
        {
            sw.Stop();
            CallRecord.Current = null;
        }

        var steps = record.Steps;
        answer["ms"] = Math.Round(sw.Elapsed.TotalMilliseconds, 1);
        answer["procs"] = steps.Count(s => s.Kind == "cmd");
        answer["cmds"] = new JsonArray([.. steps.Where(s => s.Kind == "cmd").Select(s => (JsonNode)new JsonObject
        {
            ["cmd"] = s.Text,
            ["t"] = Math.Round(s.StartMs, 1),
            ["ms"] = Math.Round(s.DurationMs, 1),
            ["rc"] = s.ExitCode,
        })]);
        answer["phases"] = PhaseBreakdown.Summarise(steps, sw.Elapsed.TotalMilliseconds, record, (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds);
        if ((bool?)command["trace"] == true)
        {
            answer["timeline"] = PhaseBreakdown.Timeline(steps);
        }

        return answer;
    }

    private static JsonArray Portals(IReadOnlyList<PortalOutcome> portals) =>
        new([.. portals.Select(p => (JsonNode)new JsonObject
        {
            ["portal"] = p.Path.Portal.ToString(),
            ["outcome"] = p.Outcome.ToString(),
            ["ms"] = Math.Round(p.Elapsed.TotalMilliseconds, 1),
            ["failure"] = p.Failure?.ToString(),
        })]);

    private IVolumeConnector ConnectorFor(bool multipath, JsonObject? overrides)
    {
        var key = $"{multipath}|{overrides?.ToJsonString()}";
        lock (gate)
        {
            if (!connectors.TryGetValue(key, out var connector))
            {
                var options = new IscsiConnectorOptions { UseMultipath = multipath };
                if (overrides?["probe_portals"] is JsonNode probe)
                {
                    options.ProbePortals = (bool)probe;
                }

                var executor = new ProcessCommandExecutor(
                    new ProcessCommandExecutorOptions { DefaultTimeout = options.CommandTimeout },
                    loggerFactory.CreateLogger<ProcessCommandExecutor>());
                connector = IscsiConnectorFactory.Create(options, new RecordingExecutor(executor), new TimedFileSystem(new PhysicalHostFileSystem()), loggerFactory: loggerFactory);
                connectors[key] = connector;
            }

            return connector;
        }
    }
}
