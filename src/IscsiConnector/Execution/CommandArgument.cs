namespace IscsiConnector.Execution;

/// <summary>
/// One command-line argument. Secret arguments (CHAP passwords) are passed to the process as they are
/// but shown as <c>***</c> everywhere else: logs, exception messages and <see cref="ToString"/>.
/// </summary>
/// <param name="Value">The argument as the process receives it.</param>
/// <param name="IsSecret">Whether the value must never be displayed.</param>
public sealed record CommandArgument(string Value, bool IsSecret = false)
{
    /// <summary>The text shown instead of a secret value.</summary>
    public const string Mask = "***";

    /// <summary>Creates a non-secret argument.</summary>
    /// <param name="value">The argument text.</param>
    public static implicit operator CommandArgument(string value) => new(value);

    /// <summary>Creates a secret argument that is masked in every display.</summary>
    /// <param name="value">The secret text.</param>
    /// <returns>The argument.</returns>
    public static CommandArgument Secret(string value) => new(value, IsSecret: true);

    /// <summary>Creates a non-secret argument (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The argument text.</param>
    /// <returns>The argument.</returns>
    public static CommandArgument FromString(string value) => new(value);

    /// <summary>Gets the text safe to display: the value, or <see cref="Mask"/> for a secret.</summary>
    public string Display => IsSecret ? Mask : Value;

    /// <inheritdoc />
    public override string ToString() => Display;
}
