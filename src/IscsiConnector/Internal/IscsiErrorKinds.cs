namespace IscsiConnector.Internal;

/// <summary>The one place that says which <see cref="IscsiErrorKind"/>s a retry of the same command may cure.</summary>
internal static class IscsiErrorKinds
{
    public static bool IsTransient(this IscsiErrorKind kind) => kind is IscsiErrorKind.InitiatorUnavailable or IscsiErrorKind.Temporary;
}
