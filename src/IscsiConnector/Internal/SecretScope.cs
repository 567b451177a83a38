namespace IscsiConnector.Internal;

/// <summary>
/// The secrets of the operation running on this asynchronous flow (every CHAP value of its <c>connection_info</c>),
/// masked in every command failure built inside it — not only the secrets among the failing command's own arguments.
/// A <c>--login</c> or <c>--discover</c> carries no secret argument, yet a tool may still print a secret it read from
/// its record; the connector opens a scope around each operation so such text is masked too.
/// </summary>
/// <remarks>Flows with <see cref="AsyncLocal{T}"/> into every task started inside the scope (parallel logins included)
/// and ends with <see cref="IDisposable.Dispose"/>; scopes nest.</remarks>
internal static class SecretScope
{
    private static readonly AsyncLocal<string[]?> Secrets = new();

    /// <summary>Gets the secrets of the operations this flow runs inside, longest first; empty outside any scope.</summary>
    public static IReadOnlyList<string> Current => Secrets.Value ?? [];

    /// <summary>Adds <paramref name="secrets"/> (nulls and empty values ignored) for the lifetime of the returned scope.</summary>
    public static IDisposable Push(IEnumerable<string?> secrets)
    {
        var previous = Secrets.Value;
        var added = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
        Secrets.Value = [.. (previous ?? []).Concat(added).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        return new Restore(previous);
    }

    /// <summary>Every CHAP secret of <paramref name="info"/>: session and discovery, one-way and mutual.</summary>
    public static IDisposable For(ConnectionInfo info) =>
        Push([.. Of(info.Chap), .. Of(info.DiscoveryChap)]);

    private static string?[] Of(ChapCredentials? chap) => chap is null ? [] : [chap.Password, chap.PasswordIn];

    private sealed class Restore(string[]? previous) : IDisposable
    {
        public void Dispose() => Secrets.Value = previous;
    }
}
