namespace IscsiConnector.Transports;

/// <summary>
/// An iface (open-iscsi interface, the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP") cannot be used: it is missing, has an unknown transport, conflicts
/// with a definition, or its hardware is not on this host. Names the iface and the reason.
/// </summary>
public sealed class IscsiTransportException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="IscsiTransportException"/> class.</summary>
    /// <param name="ifaceName">The iface concerned.</param>
    /// <param name="reason">Why it cannot be used.</param>
    /// <param name="message">A sentence: what failed, the evidence, and how to fix it.</param>
    /// <param name="innerException">The cause (usually an <see cref="IscsiCommandException"/>), if any.</param>
    /// <exception cref="ArgumentException"><paramref name="ifaceName"/> is empty.</exception>
    public IscsiTransportException(string ifaceName, IscsiTransportFailureReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifaceName);
        IfaceName = ifaceName;
        Reason = reason;
    }

    /// <summary>Gets the iface concerned.</summary>
    public string IfaceName { get; }

    /// <summary>Gets why the iface cannot be used.</summary>
    public IscsiTransportFailureReason Reason { get; }

    /// <inheritdoc />
    /// <remarks>Only a failed <c>iscsiadm</c> command (iscsid busy, database locked) may pass on a retry; missing hardware never does.</remarks>
    public override bool IsTransient => Reason == IscsiTransportFailureReason.IfaceCommandFailed && InnerException is IscsiException { IsTransient: true };
}
