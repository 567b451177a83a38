using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;

namespace IscsiConnector.Transports.Internal;

/// <summary>The <c>iscsiadm -m iface</c> commands, one argument per value.</summary>
internal static class IfaceCommands
{
    /// <summary><c>iscsiadm -m iface</c>: one line per iface.</summary>
    public static CommandSpec List() => new(IscsiAdmCommands.Program, "-m", "iface");

    /// <summary><c>iscsiadm -m iface -I &lt;name&gt; -o show</c>: the whole record.</summary>
    public static CommandSpec Show(string name) => Iface(name, "-o", "show");

    /// <summary><c>iscsiadm -m iface -I &lt;name&gt; -o new</c>. Overwrites an existing iface with defaults, so only run after a show found none.</summary>
    public static CommandSpec New(string name) => Iface(name, "-o", "new");

    /// <summary><c>iscsiadm -m iface -I &lt;name&gt; -o delete</c>. Also deletes every node record bound to the iface.</summary>
    public static CommandSpec Delete(string name) => Iface(name, "-o", "delete");

    /// <summary>
    /// <c>iscsiadm -m iface -I &lt;name&gt; -o update -n k -v v …</c>: every field in one process. One update rather than
    /// several because iscsiadm refuses to add a net_ifacename to an iface already bound by hwaddress (and the reverse).
    /// </summary>
    public static CommandSpec Update(string name, IEnumerable<(string Key, string Value)> settings)
    {
        var arguments = new List<CommandArgument> { "-m", "iface", "-I", name, "-o", "update" };
        foreach (var (key, value) in settings)
        {
            arguments.Add("-n");
            arguments.Add(key);
            arguments.Add("-v");
            arguments.Add(value);
        }

        return new CommandSpec(IscsiAdmCommands.Program, arguments);
    }

    private static CommandSpec Iface(string name, params string[] operation) =>
        new(IscsiAdmCommands.Program, new CommandArgument[] { "-m", "iface", "-I", name }.Concat(operation.Select(CommandArgument.FromString)));
}
