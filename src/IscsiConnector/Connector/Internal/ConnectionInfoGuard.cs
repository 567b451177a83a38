namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Re-checks a <see cref="ConnectionInfo"/> before the first command: objects built in code bypass
/// <see cref="ConnectionInfo.Parse"/>, and every value here ends up as an <c>iscsiadm</c> argument.
/// </summary>
internal static class ConnectionInfoGuard
{
    /// <exception cref="ConnectionInfoException">A value could be read as an option, contains control characters or whitespace, or breaks another rule of <see cref="ConnectionInfo.Validate"/>.</exception>
    public static void Validate(ConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Primary is null)
        {
            throw new ConnectionInfoException("target_portal", "is missing: a connection needs at least one portal, IQN and LUN.");
        }

        // The same rules Parse applies, so a model built in code gets the same key-naming errors.
        info.Validate();
    }
}
