namespace IscsiConnector.Windows.Internal;

/// <summary>What every script prints last: which script answered, whether it finished, the step it reached and why it stopped.</summary>
internal abstract record ScriptReply
{
    public string? Script { get; init; }

    public bool Ok { get; init; }

    public string? Step { get; init; }

    public ScriptError? Error { get; init; }
}
