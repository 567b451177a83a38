using System.Text.Json;

namespace IscsiConnector.Telemetry;

/// <summary>
/// Tag (attribute) names and values shared by spans and metrics. OpenTelemetry's own names where one exists
/// (<c>server.*</c>, <c>process.*</c>, <c>error.type</c>), <c>iscsi.*</c> for the rest; values are lowercase
/// snake_case so that dashboards do not depend on the spelling of a .NET enum. Nothing here may carry a secret.
/// </summary>
internal static class TelemetryTags
{
    public const string VolumeId = "iscsi.volume.id";
    public const string TargetIqn = "iscsi.target.iqn";
    public const string Lun = "iscsi.lun";
    public const string Iface = "iscsi.iface";
    public const string AttachMode = "iscsi.attach.mode";
    public const string PortalCount = "iscsi.portal.count";
    public const string DevicePath = "iscsi.device.path";
    public const string DeviceName = "iscsi.device.name";
    public const string LoginOutcome = "iscsi.login.outcome";
    public const string PortalFailure = "iscsi.portal.failure";
    public const string ErrorKind = "iscsi.error.kind";
    public const string PathState = "iscsi.path.state";
    public const string FailoverFrom = "iscsi.failover.from";
    public const string FailoverTo = "iscsi.failover.to";
    public const string CommandDuration = "iscsi.command.duration";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ExecutableName = "process.executable.name";
    public const string CommandArgs = "process.command_args";
    public const string ExitCode = "process.exit.code";
    public const string ErrorType = "error.type";

    public const string Failover = "failover";
    public const string Multipath = "multipath";

    /// <summary>An enum value as a tag value: <c>AuthenticationFailed</c> becomes <c>authentication_failed</c>.</summary>
    public static string Value<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The <c>error.type</c> of an exception: its full type name, as the OpenTelemetry conventions ask.</summary>
    public static string ErrorTypeOf(Exception error) => error.GetType().FullName ?? error.GetType().Name;
}
