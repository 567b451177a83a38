namespace IscsiConnector.Migration;

/// <summary>How <see cref="LibiscsiConfiguration"/> describes a volume for QEMU's built-in iSCSI initiator.</summary>
public sealed class LibiscsiOptions
{
    /// <summary>Gets or sets the guest device name (<c>&lt;target dev&gt;</c>).</summary>
    /// <value>The default value is <c>vdb</c>.</value>
    public string TargetDev { get; set; } = "vdb";

    /// <summary>Gets or sets the guest bus (<c>&lt;target bus&gt;</c>): <c>virtio</c>, <c>scsi</c>, <c>sata</c>, <c>ide</c> or <c>usb</c>.</summary>
    /// <value>The default value is <c>virtio</c>.</value>
    public string TargetBus { get; set; } = "virtio";

    /// <summary>Gets or sets the volume serial (<c>&lt;serial&gt;</c>); <see langword="null"/> takes the connection_info's <c>volume_id</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Serial { get; set; }

    /// <summary>Gets or sets the usage target of the libvirt secret (type <c>iscsi</c>) holding the CHAP password.
    /// When neither this nor <see cref="SecretUuid"/> is set, the usage is <c>&lt;iqn&gt;-lun-&lt;lun&gt;</c> (libvirt forbids '/' in a usage).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SecretUsage { get; set; }

    /// <summary>Gets or sets the UUID of the libvirt secret holding the CHAP password (instead of <see cref="SecretUsage"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Guid? SecretUuid { get; set; }

    /// <summary>Gets or sets the initiator name QEMU logs in with (<c>&lt;initiator&gt;</c>, <c>initiator-name</c>); <see langword="null"/> leaves QEMU's default.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? InitiatorName { get; set; }

    /// <summary>Gets or sets the id of the QEMU <c>-object secret</c> that holds the CHAP password (<c>password-secret</c>).</summary>
    /// <value>The default value is <c>iscsi-chap0</c>.</value>
    public string PasswordSecretId { get; set; } = "iscsi-chap0";

    /// <summary>Gets or sets the <c>-blockdev</c> node name; <see langword="null"/> leaves it out.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? NodeName { get; set; }

    /// <summary>Gets or sets how long one portal may take to accept a TCP connection before the next one in the
    /// failover order is tried (<see cref="LibiscsiConfiguration.CreateAsync"/>).</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
