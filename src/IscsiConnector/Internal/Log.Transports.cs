using IscsiConnector.Transports;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = IscsiEventIds.IfaceValidated, Level = LogLevel.Debug, Message = "Iface {Iface} uses transport {Transport} (hwaddress {HardwareAddress}, net_ifacename {NetInterface})")]
    public static partial void IfaceValidated(ILogger logger, string iface, string? transport, string? hardwareAddress, string? netInterface);

    [LoggerMessage(EventId = IscsiEventIds.IfaceCreated, Level = LogLevel.Information, Message = "Created iface {Iface} (transport {Transport}, hwaddress {HardwareAddress})")]
    public static partial void IfaceCreated(ILogger logger, string iface, string transport, string? hardwareAddress);

    [LoggerMessage(EventId = IscsiEventIds.IfaceReused, Level = LogLevel.Debug, Message = "Iface {Iface} exists with the wanted settings; reusing it")]
    public static partial void IfaceReused(ILogger logger, string iface);

    [LoggerMessage(EventId = IscsiEventIds.IfaceRolledBack, Level = LogLevel.Warning, Message = "Deleted iface {Iface} again (created by this call, then {Reason})")]
    public static partial void IfaceRolledBack(ILogger logger, string iface, string reason);

    [LoggerMessage(EventId = IscsiEventIds.HardwareChecked, Level = LogLevel.Debug, Message = "Hardware check of iface {Iface}: {Failure} — {Evidence}")]
    public static partial void HardwareChecked(ILogger logger, string iface, string failure, string evidence);

    [LoggerMessage(EventId = IscsiEventIds.TransportFallingBack, Level = LogLevel.Warning, Message = "Iface {Iface} cannot be used ({Reason}); using the default TCP iface: {Evidence}")]
    public static partial void TransportFallingBack(ILogger logger, string iface, IscsiTransportFailureReason reason, string evidence);

    [LoggerMessage(EventId = IscsiEventIds.PortalTransportFallback, Level = LogLevel.Warning, Message = "{Operation} through iface {Iface} failed on {Portal}; retrying with the default TCP iface: {Evidence}")]
    public static partial void PortalTransportFallback(ILogger logger, string operation, string iface, string portal, string evidence);

    [LoggerMessage(EventId = IscsiEventIds.TransportFailed, Level = LogLevel.Error, Message = "Iface {Iface} cannot be used ({Reason}) and TransportFallback is Fail: {Evidence}")]
    public static partial void TransportFailed(ILogger logger, string iface, IscsiTransportFailureReason reason, string evidence);

    [LoggerMessage(EventId = IscsiEventIds.IfaceDeleted, Level = LogLevel.Information, Message = "Deleted iface {Iface} (and the node records bound to it)")]
    public static partial void IfaceDeleted(ILogger logger, string iface);
}
