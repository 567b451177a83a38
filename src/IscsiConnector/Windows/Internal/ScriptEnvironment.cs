namespace IscsiConnector.Windows.Internal;

/// <summary>The environment variables through which values reach a script: data in one JSON block, each secret alone.</summary>
internal static class ScriptEnvironment
{
    /// <summary>The JSON argument block (no secrets), read with <c>ConvertFrom-Json</c>.</summary>
    public const string Arguments = "ISCSI_CONNECTOR_ARGUMENTS";

    /// <summary>The target's CHAP secret for <c>Connect-IscsiTarget -ChapSecret</c>.</summary>
    public const string ChapSecret = "ISCSI_CONNECTOR_CHAP_SECRET";

    /// <summary>The initiator's own secret for mutual CHAP (<c>Set-IscsiChapSecret</c>).</summary>
    public const string InitiatorChapSecret = "ISCSI_CONNECTOR_INITIATOR_CHAP_SECRET";
}
