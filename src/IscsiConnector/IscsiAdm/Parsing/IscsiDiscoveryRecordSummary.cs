namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>One line of <c>iscsiadm -m discovery</c> (or <c>-m discoverydb</c>): <c>127.0.0.1:3260 via sendtargets</c>.</summary>
/// <param name="Address">The discovery portal (no tag).</param>
/// <param name="DiscoveryType">The discovery type as printed: <c>sendtargets</c> or <c>isns</c>.</param>
internal sealed record IscsiDiscoveryRecordSummary(IscsiPortal Address, string DiscoveryType);
