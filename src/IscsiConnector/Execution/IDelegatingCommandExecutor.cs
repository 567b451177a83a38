namespace IscsiConnector.Execution;

/// <summary>
/// An executor that hands every command on to another one: a recorder, a logger, a timer. The connector
/// factory looks through it to the executor underneath, so wrapping a host does not change what the connector
/// knows about it — the real host keeps its TCP reachability probe of the portals, and a simulated host keeps
/// answering that probe from its scenario. A wrapper that does not implement this interface is treated as a fake:
/// no portal is probed (every portal counts as reachable, and no socket is opened for a made-up address).
/// </summary>
public interface IDelegatingCommandExecutor : ICommandExecutor
{
    /// <summary>Gets the executor every command is handed on to.</summary>
    ICommandExecutor InnerExecutor { get; }
}
