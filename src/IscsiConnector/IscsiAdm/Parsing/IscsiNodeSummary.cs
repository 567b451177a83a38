namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// One line of <c>iscsiadm -m node</c>, or of SendTargets discovery (<c>iscsiadm -m discovery -t st -p …</c>),
/// which prints the same <c>127.0.0.1:3260,1 iqn.…</c> form.
/// </summary>
/// <param name="Portal">The target portal with its tag; the tag is <see langword="null"/> for records made with <c>-o new</c> (printed as 4294967295 or -1).</param>
/// <param name="TargetName">The target's iSCSI name.</param>
internal sealed record IscsiNodeSummary(IscsiPortal Portal, string TargetName);
