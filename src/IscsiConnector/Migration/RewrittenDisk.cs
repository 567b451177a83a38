namespace IscsiConnector.Migration;

/// <summary>One disk <see cref="DomainXmlRewriter"/> changed.</summary>
/// <param name="Serial">The volume serial (<c>&lt;serial&gt;</c>).</param>
/// <param name="TargetDev">The guest device name (<c>&lt;target dev&gt;</c>, e.g. <c>vdb</c>), or <see langword="null"/> when the disk has none.</param>
/// <param name="DiskType">The disk type: <c>block</c> or <c>network</c>.</param>
/// <param name="OldSource">The source before: the device path, or <c>&lt;iqn&gt;/&lt;lun&gt; on host:port[, host:port…]</c>.</param>
/// <param name="NewSource">The source after, in the same form.</param>
public sealed record RewrittenDisk(string Serial, string? TargetDev, string DiskType, string OldSource, string NewSource);
