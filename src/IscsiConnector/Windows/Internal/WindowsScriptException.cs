namespace IscsiConnector.Windows.Internal;

/// <summary>
/// A Windows initiator script stopped at a step: which script and step, the provider's code
/// (<see cref="IscsiDiscoveryStatus"/>), PowerShell's untranslated error id, and a sentence with secrets removed.
/// </summary>
internal sealed class WindowsScriptException : IscsiException
{
    public WindowsScriptException(string script, string? step, ScriptError error, string message)
        : base(message)
    {
        Script = script;
        Step = step;
        Reason = error.Reason ?? ScriptError.Failed;
        NativeCode = error.Code;
        ErrorId = error.ErrorId;
    }

    /// <summary>Gets the script (<c>connect</c>, <c>host</c>, <c>disconnect</c>).</summary>
    public string Script { get; }

    /// <summary>Gets the step it stopped at (<c>portal</c>, <c>target</c>, <c>session</c>, <c>disk</c> …).</summary>
    public string? Step { get; }

    /// <summary>Gets <see cref="ScriptError.Failed"/>, <see cref="ScriptError.TargetNotOffered"/> or <see cref="ScriptError.NoDisk"/>.</summary>
    public string Reason { get; }

    /// <summary>Gets the provider's status code or HRESULT, or <see langword="null"/> when no cmdlet failed.</summary>
    public long? NativeCode { get; }

    /// <summary>Gets PowerShell's fully qualified error id, e.g. <c>HRESULT 0xefff0009,Connect-IscsiTarget</c>.</summary>
    public string? ErrorId { get; }

    /// <summary>Gets a value indicating whether the target refused the CHAP credentials.</summary>
    public bool IsAuthenticationFailure => IscsiDiscoveryStatus.IsAuthentication(NativeCode);

    /// <inheritdoc />
    public override bool IsTransient => IscsiDiscoveryStatus.IsTransient(NativeCode);
}
