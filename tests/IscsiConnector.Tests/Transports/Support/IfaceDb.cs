using System.Text;
using IscsiConnector.Execution;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Transports.Support;

/// <summary>
/// open-iscsi's iface database (<c>/etc/iscsi/ifaces</c>) in front of another executor: answers every
/// <c>iscsiadm -m iface</c> command itself, in the exact formats captured from iscsiadm 2.1.8 (the <c>-o show</c>
/// record is the captured one with the values swapped in), and passes everything else on. New and deleted ifaces
/// are mirrored to the inner executor so that a simulated host accepts <c>-I &lt;name&gt;</c> on node commands.
/// </summary>
/// <remarks>
/// Like real iscsiadm, <c>-o new</c> of an existing iface resets it to defaults (iface_setup_defaults then
/// iface_conf_write), and <c>-o update</c> refuses to add a net_ifacename to an iface bound by hwaddress.
/// </remarks>
internal sealed class IfaceDb(ICommandExecutor inner) : ICommandExecutor
{
    private static readonly string[] Fields = ["iface.transport_name", "iface.hwaddress", "iface.ipaddress", "iface.net_ifacename", "iface.initiatorname"];
    private static readonly string ShowTemplate = FixtureFiles.Read("transports/iface-show-cxgb4i.txt");
    private static readonly string MissingTemplate = FixtureFiles.Read("transports/iface-show-missing.stderr.txt");

    private readonly Lock _gate = new();
    private readonly List<CommandSpec> _commands = [];
    private readonly Dictionary<string, Dictionary<string, string?>> _ifaces = new(StringComparer.Ordinal)
    {
        ["default"] = Defaults("tcp"),
        ["iser"] = Defaults("iser"),
    };

    /// <summary>Every command seen (iface commands and the ones passed on), in order.</summary>
    public IReadOnlyList<CommandSpec> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>An exit code and standard error the next matching iface operation (<c>new</c>, <c>update</c>, <c>show</c>, <c>delete</c>) fails with.</summary>
    public Dictionary<string, (int ExitCode, string StandardError)> FailNext { get; } = new(StringComparer.Ordinal);

    public void ClearCommands()
    {
        lock (_gate)
        {
            _commands.Clear();
        }
    }

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _ifaces.Keys];
            }
        }
    }

    public IReadOnlyList<CommandSpec> IfaceCommands => Commands.Where(c => c.ArgumentValues.Take(2).SequenceEqual(["-m", "iface"])).ToList();

    /// <summary>Adds an iface as a user would have made it.</summary>
    public IfaceDb With(string name, string transport, string? hwaddress = null, string? ipaddress = null, string? netIfaceName = null, string? initiatorName = null)
    {
        var fields = Defaults(transport);
        fields["iface.hwaddress"] = hwaddress;
        fields["iface.ipaddress"] = ipaddress;
        fields["iface.net_ifacename"] = netIfaceName;
        fields["iface.initiatorname"] = initiatorName;
        lock (_gate)
        {
            _ifaces[name] = fields;
        }

        _ = inner.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "iface", "-I", name, "-o", "new")).GetAwaiter().GetResult();
        return this;
    }

    public IReadOnlyDictionary<string, string?>? Get(string name)
    {
        lock (_gate)
        {
            return _ifaces.TryGetValue(name, out var fields) ? new Dictionary<string, string?>(fields) : null;
        }
    }

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var args = command.ArgumentValues.ToList();
        lock (_gate)
        {
            _commands.Add(command);
        }

        if (command.FileName != "iscsiadm" || args.Count < 2 || args[0] != "-m" || args[1] != "iface")
        {
            return await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }

        var result = Iface(args);
        if (result.Mirror)
        {
            await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }

        return result.Result;
    }

    private (CommandResult Result, bool Mirror) Iface(List<string> args)
    {
        lock (_gate)
        {
            if (args.Count == 2)
            {
                var list = string.Concat(_ifaces.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key} {string.Join(",", Fields.Select(f => i.Value[f] ?? "<empty>"))}\n"));
                return (Ok(list), false);
            }

            var name = args[args.IndexOf("-I") + 1];
            var op = args[args.IndexOf("-o") + 1];
            if (FailNext.Remove(op, out var failure))
            {
                return (new CommandResult(failure.ExitCode, string.Empty, failure.StandardError, TimeSpan.Zero), false);
            }

            var exists = _ifaces.TryGetValue(name, out var fields);
            switch (op)
            {
                case "new":
                    _ifaces[name] = Defaults("tcp");
                    return (Ok($"New interface {name} added\n"), true);
                case "show":
                    return exists ? (Ok(Render(name, fields!)), false) : (Missing(name), false);
                case "delete":
                    return exists && _ifaces.Remove(name) ? (Ok($"{name} unbound and deleted.\n"), true) : (Missing(name), false);
                case "update":
                    if (!exists)
                    {
                        return (Missing(name), false);
                    }

                    var pairs = Pairs(args);
                    if (fields!["iface.hwaddress"] is not null && pairs.Any(p => p.Key == "iface.net_ifacename"))
                    {
                        return (new CommandResult(7, string.Empty, "iscsiadm: Can not update interface binding from hwaddress to net_ifacename. You must delete the interface and create a new one\n", TimeSpan.Zero), false);
                    }

                    foreach (var (key, value) in pairs)
                    {
                        fields[key] = value;
                    }

                    return (Ok($"{name} updated.\n"), false);
                default:
                    return (new CommandResult(7, string.Empty, $"iscsiadm: IfaceDb does not emulate -o {op}\n", TimeSpan.Zero), false);
            }
        }
    }

    private static List<(string Key, string Value)> Pairs(List<string> args)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 3 < args.Count; i++)
        {
            if (args[i] == "-n" && args[i + 2] == "-v")
            {
                pairs.Add((args[i + 1], args[i + 3]));
            }
        }

        return pairs;
    }

    private static string Render(string name, Dictionary<string, string?> fields)
    {
        var text = new StringBuilder();
        foreach (var line in ShowTemplate.Split('\n'))
        {
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq] : null;
            text.Append(key == "iface.iscsi_ifacename" ? $"{key} = {name}"
                : key is not null && fields.TryGetValue(key, out var value) ? $"{key} = {value ?? "<empty>"}"
                : line);
            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static CommandResult Missing(string name) =>
        new(6, string.Empty, MissingTemplate.Replace("cxgb4i.00:07:43:aa:bb:cc", name, StringComparison.Ordinal), TimeSpan.Zero);

    private static CommandResult Ok(string stdout) => new(0, stdout, string.Empty, TimeSpan.Zero);

    private static Dictionary<string, string?> Defaults(string transport) => new(StringComparer.Ordinal)
    {
        ["iface.transport_name"] = transport,
        ["iface.hwaddress"] = null,
        ["iface.ipaddress"] = null,
        ["iface.net_ifacename"] = null,
        ["iface.initiatorname"] = null,
    };
}
