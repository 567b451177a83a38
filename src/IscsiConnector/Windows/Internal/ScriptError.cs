namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Why a script step failed, as data: <c>Reason</c> is <c>Failed</c> (a cmdlet threw), <c>TargetNotOffered</c> or
/// <c>NoDisk</c>; <c>Code</c> is the provider's error code (e.g. 0xEFFF0009) or the exception's HRESULT;
/// <c>ErrorId</c> and <c>Category</c> are PowerShell's untranslated identifiers. <c>Message</c> may be localized
/// and is shown to people only, never matched.
/// </summary>
internal sealed record ScriptError
{
    public const string Failed = "Failed";
    public const string TargetNotOffered = "TargetNotOffered";
    public const string NoDisk = "NoDisk";

    public string? Reason { get; init; }

    public long? Code { get; init; }

    public string? ErrorId { get; init; }

    public string? Category { get; init; }

    public string? Message { get; init; }
}
