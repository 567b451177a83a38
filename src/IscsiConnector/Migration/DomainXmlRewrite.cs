namespace IscsiConnector.Migration;

/// <summary>The result of <see cref="DomainXmlRewriter.Rewrite"/>: the new domain XML and what changed in it.</summary>
/// <param name="Xml">The rewritten domain XML (everything but the rewritten sources as it was, as far as an XML API allows).</param>
/// <param name="Disks">The disks whose source changed, in document order.</param>
public sealed record DomainXmlRewrite(string Xml, IReadOnlyList<RewrittenDisk> Disks);
