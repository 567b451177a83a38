namespace IscsiConnector.Testing.Simulation;

/// <summary>How a simulated portal answers connections.</summary>
public enum PortalState
{
    /// <summary>The target listens: logins and discovery work.</summary>
    Up,

    /// <summary>Nobody listens (TCP reset). Login fails with exit 8 after the login timeout; discovery fails with exit 11.</summary>
    Refusing,

    /// <summary>Packets are dropped (a firewall <c>drop</c> rule). Login fails with exit 8, discovery with exit 11, both after the full timeouts.</summary>
    Blackholed,
}
