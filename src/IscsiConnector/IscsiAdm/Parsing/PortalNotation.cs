namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>How a portal is written in a given iscsiadm output.</summary>
internal enum PortalNotation
{
    /// <summary><c>host:port[,tpgt]</c>, IPv6 bracketed: node, session and SendTargets lines.</summary>
    Bracketed,

    /// <summary><c>host:port</c> where an IPv6 host is not bracketed: the <c>via</c> lines of <c>-m discovery</c>.</summary>
    BareColon,

    /// <summary><c>host,port</c>, IPv6 not bracketed: <c>DiscoveryAddress:</c> lines.</summary>
    CommaPort,
}
