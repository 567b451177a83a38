namespace IscsiConnector.Migration.Internal;

/// <summary>QEMU's <c>BlockdevOptionsIscsi</c> (qapi/block-core.json) plus the node name: the JSON form of <c>-blockdev</c>.</summary>
internal sealed class BlockdevIscsiOptions
{
    public string Driver { get; set; } = "iscsi";

    public string? NodeName { get; set; }

    public string Transport { get; set; } = "tcp";

    public required string Portal { get; set; }

    public required string Target { get; set; }

    public int Lun { get; set; }

    public string? User { get; set; }

    public string? PasswordSecret { get; set; }

    public string? InitiatorName { get; set; }
}
