using Microsoft.Extensions.Logging;

namespace IscsiConnector.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = IscsiEventIds.AttachStarting, Level = LogLevel.Debug, Message = "Attaching volume {VolumeId} over {PortalCount} portal(s), multipath {Multipath}")]
    public static partial void AttachStarting(ILogger logger, string volumeId, int portalCount, bool multipath);

    [LoggerMessage(EventId = IscsiEventIds.SessionLoggedIn, Level = LogLevel.Information, Message = "Logged in to {Portal} {Iqn} (session {SessionId})")]
    public static partial void SessionLoggedIn(ILogger logger, string portal, string iqn, int sessionId);

    [LoggerMessage(EventId = IscsiEventIds.SessionReused, Level = LogLevel.Information, Message = "Reusing session {SessionId} to {Portal} {Iqn}")]
    public static partial void SessionReused(ILogger logger, string portal, string iqn, int sessionId);

    [LoggerMessage(EventId = IscsiEventIds.DeviceFound, Level = LogLevel.Information, Message = "Found {Device} for LUN {Lun} on {Portal} (H:C:T:L {Address}, WWID {Wwn})")]
    public static partial void DeviceFound(ILogger logger, string device, int lun, string portal, string address, string? wwn);

    [LoggerMessage(EventId = IscsiEventIds.PortalFailed, Level = LogLevel.Warning, Message = "Portal {Portal} {Iqn} lun {Lun} failed ({Failure}): {Reason}")]
    public static partial void PortalFailed(ILogger logger, string portal, string iqn, int lun, PortalFailureKind failure, string reason);

    [LoggerMessage(EventId = IscsiEventIds.FailingOver, Level = LogLevel.Warning, Message = "Failing over from {Portal} to {NextPortal}")]
    public static partial void FailingOver(ILogger logger, string portal, string nextPortal);

    [LoggerMessage(EventId = IscsiEventIds.AttachSucceeded, Level = LogLevel.Information, Message = "Attached volume {VolumeId} as {Path} in {ElapsedMs} ms")]
    public static partial void AttachSucceeded(ILogger logger, string volumeId, string path, long elapsedMs);

    [LoggerMessage(EventId = IscsiEventIds.AttachFailed, Level = LogLevel.Error, Message = "Attaching volume {VolumeId} failed: {Reason}")]
    public static partial void AttachFailed(ILogger logger, string volumeId, string reason);

    [LoggerMessage(EventId = IscsiEventIds.RetryingCommand, Level = LogLevel.Warning, Message = "Retrying {Operation} (attempt {Attempt}) after {Reason}")]
    public static partial void RetryingCommand(ILogger logger, string operation, int attempt, string reason);

    [LoggerMessage(EventId = IscsiEventIds.MultipathFound, Level = LogLevel.Information, Message = "Multipath map {MapName} ({Device}) holds {PathCount} path(s)")]
    public static partial void MultipathFound(ILogger logger, string mapName, string device, int pathCount);

    [LoggerMessage(EventId = IscsiEventIds.MultipathMissing, Level = LogLevel.Warning, Message = "No multipath map appeared for {Devices}; returning a single path device")]
    public static partial void MultipathMissing(ILogger logger, string devices);

    [LoggerMessage(EventId = IscsiEventIds.MultipathIncomplete, Level = LogLevel.Warning, Message = "Multipath map {MapName} is returned without {Devices}: not in the map after {WaitMs} ms")]
    public static partial void MultipathIncomplete(ILogger logger, string mapName, string devices, long waitMs);

    [LoggerMessage(EventId = IscsiEventIds.MultipathHintFailed, Level = LogLevel.Warning, Message = "{Command} failed ({Reason}); waiting for the map anyway")]
    public static partial void MultipathHintFailed(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = IscsiEventIds.DiscoveryFallback, Level = LogLevel.Information, Message = "Multipath with one portal: SendTargets discovery on {Portal} found {Count} path(s)")]
    public static partial void DiscoveryFallback(ILogger logger, string portal, int count);

    [LoggerMessage(EventId = IscsiEventIds.SessionLoggedOut, Level = LogLevel.Information, Message = "Logged out of {Portal} {Iqn}")]
    public static partial void SessionLoggedOut(ILogger logger, string portal, string iqn);

    [LoggerMessage(EventId = IscsiEventIds.SessionKept, Level = LogLevel.Debug, Message = "Keeping session to {Portal} {Iqn}: other LUNs use it")]
    public static partial void SessionKept(ILogger logger, string portal, string iqn);

    [LoggerMessage(EventId = IscsiEventIds.DeadPathFlushSkipped, Level = LogLevel.Information, Message = "Not flushing {Device} on its own: its path is dead and map {Map} was flushed")]
    public static partial void DeadPathFlushSkipped(ILogger logger, string device, string map);

    [LoggerMessage(EventId = IscsiEventIds.DeviceRemoved, Level = LogLevel.Information, Message = "Removed device {Device}")]
    public static partial void DeviceRemoved(ILogger logger, string device);

    [LoggerMessage(EventId = IscsiEventIds.DisconnectProblem, Level = LogLevel.Warning, Message = "Disconnect problem: {Problem}")]
    public static partial void DisconnectProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = IscsiEventIds.LockWaiting, Level = LogLevel.Debug, Message = "Waiting for the lock on {Portal} {Iqn}")]
    public static partial void LockWaiting(ILogger logger, string portal, string iqn);

    [LoggerMessage(EventId = IscsiEventIds.CleanupFailed, Level = LogLevel.Warning, Message = "Cleaning up {Portal} {Iqn} after a failed attach failed: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string portal, string iqn, string reason);

    [LoggerMessage(EventId = IscsiEventIds.PortalProbe, Level = LogLevel.Debug, Message = "Probe of {Portal}: reachable {Reachable}")]
    public static partial void PortalProbe(ILogger logger, string portal, bool reachable);
}
