namespace IscsiConnector;

/// <summary>
/// Attaches and detaches iSCSI volumes described by a Cinder-style <see cref="ConnectionInfo"/>, in the
/// manner of os-brick's <c>ISCSIConnector</c>: ordered portal failover (the Cinder spec "Failover to alternative iSCSI portals on login failure") or a login into every
/// portal with the dm-multipath device returned (the Cinder spec "Enhance iSCSI multipath support"), and a clean, idempotent disconnect.
/// </summary>
/// <remarks>
/// Operations on different volumes run in parallel; operations that touch the same (portal, target)
/// are serialised in-process and across processes (a lock file per portal and target). Create one with
/// <see cref="IscsiConnectorFactory.Create"/> or <c>services.AddIscsiConnector()</c>.
/// </remarks>
public interface IVolumeConnector
{
    /// <summary>Logs in (or reuses an existing session) and returns the block device of the volume.</summary>
    /// <param name="connectionInfo">The volume's connection information.</param>
    /// <param name="cancellationToken">Cancels the attach; whatever was logged in or created by this call is undone.</param>
    /// <returns>The attached device and what happened on every portal.</returns>
    /// <remarks>
    /// Per portal: <c>iscsiadm -m node -T &lt;iqn&gt; -p &lt;portal&gt; -I &lt;iface&gt; -o new</c>, one
    /// <c>-o update</c> with every setting, then <c>--login</c>; the LUN is scanned through sysfs.
    /// </remarks>
    /// <exception cref="ConnectionInfoException">An IQN, portal or CHAP user name cannot be passed safely to <c>iscsiadm</c>.</exception>
    /// <exception cref="VolumeAttachException">No portal produced a usable device (or not all did while <see cref="IscsiConnectorOptions.RequireAllPaths"/> is set).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Flushes and removes the volume's devices and multipath map, then logs out and deletes the node
    /// records of sessions no other LUN still uses. Disconnecting a volume that is not connected succeeds.
    /// </summary>
    /// <param name="connectionInfo">The volume's connection information.</param>
    /// <param name="attachment">What <see cref="ConnectVolumeAsync"/> returned, or <see langword="null"/> to find the devices through sysfs.</param>
    /// <param name="options">os-brick's <c>force</c> and <c>ignore_errors</c>; <see langword="null"/> for <see cref="DisconnectOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the disconnect.</param>
    /// <returns>What was removed and anything left behind.</returns>
    /// <remarks>
    /// <c>multipath -f &lt;map&gt;</c>, <c>blockdev --flushbufs /dev/sdX</c>, <c>echo 1 &gt; /sys/block/sdX/device/delete</c>,
    /// then <c>iscsiadm -m node -T &lt;iqn&gt; -p &lt;portal&gt; --logout</c> and <c>-o delete</c>.
    /// </remarks>
    /// <exception cref="ConnectionInfoException">An IQN, portal or CHAP user name cannot be passed safely to <c>iscsiadm</c>.</exception>
    /// <exception cref="VolumeDetachException">Something could not be cleaned up (including a (portal, target) lock not obtained within <see cref="IscsiConnectorOptions.LockTimeout"/>) and <see cref="DisconnectOptions.IgnoreErrors"/> is not set.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DisconnectResult> DisconnectVolumeAsync(
        ConnectionInfo connectionInfo,
        VolumeAttachment? attachment = null,
        DisconnectOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the device paths that exist for the volume now. Never logs in and never scans.</summary>
    /// <param name="connectionInfo">The volume's connection information.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The <c>/dev/sdX</c> paths (and the <c>/dev/dm-N</c> map when multipath is in use); empty when not attached.</returns>
    /// <exception cref="ConnectionInfoException">An IQN or portal is unsafe.</exception>
    Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default);

    /// <summary>Makes the host see a volume that grew on the backend: rescans every path and resizes the multipath map.</summary>
    /// <param name="connectionInfo">The volume's connection information.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new size in bytes (of the multipath map when there is one).</returns>
    /// <remarks><c>echo 1 &gt; /sys/block/sdX/device/rescan</c> per path, then <c>multipathd resize map &lt;name&gt;</c>.</remarks>
    /// <exception cref="ConnectionInfoException">An IQN or portal is unsafe.</exception>
    /// <exception cref="VolumeAttachException">The volume is not attached on this host.</exception>
    /// <exception cref="IscsiCommandException"><c>multipathd resize map</c> failed.</exception>
    Task<long> ExtendVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default);

    /// <summary>Describes this host the way os-brick's <c>get_connector_properties</c> does (what Cinder's <c>initialize_connection</c> wants).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The initiator name, host name, address, platform and multipath capability.</returns>
    /// <remarks>Reads <c>/etc/iscsi/initiatorname.iscsi</c> and runs <c>multipathd show status</c> when multipath is enabled.</remarks>
    Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default);
}
