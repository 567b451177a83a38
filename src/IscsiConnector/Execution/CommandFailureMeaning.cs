namespace IscsiConnector.Execution;

/// <summary>
/// What a program's exit code means, supplied by the layer that knows the program (<c>IscsiAdm/</c> for
/// <c>iscsiadm</c>): this layer runs processes and knows no program's codes.
/// </summary>
/// <param name="Kind">The neutral kind of failure.</param>
/// <param name="Summary">The code's name and meaning, e.g. <c>LoginAuthFailed: iSCSI login failed due to authorization failure</c>.</param>
/// <param name="Hint">How to fix it, or <see langword="null"/>.</param>
internal sealed record CommandFailureMeaning(IscsiErrorKind Kind, string Summary, string? Hint);
