namespace IscsiConnector.Windows.Internal;

/// <summary>What one run of the connect script did: its reply (also when it failed, for the undo) and the failure, if any.</summary>
internal sealed record ConnectAttempt(ConnectReply Reply, IscsiCommandException? Failure)
{
    public bool Succeeded => Failure is null;
}
