namespace IscsiConnector;

/// <summary>
/// The event ids this library logs with, as constants so that log filters and alerts can name them
/// (in the manner of Npgsql's <c>NpgsqlEventId</c>). Ids never change meaning once released.
/// </summary>
/// <remarks>
/// Ranges, one per area (each area declares its constants in its own partial file):
/// <list type="bullet">
/// <item><description>1000–1099: command execution (<c>ProcessCommandExecutor</c>).</description></item>
/// <item><description>2000–2099: connection info parsing and validation.</description></item>
/// <item><description>3000–3499: the connector (attach, detach, failover, multipath).</description></item>
/// <item><description>3500–3599: the initiator and open-iscsi (<c>iscsiadm</c>, <c>iscsid</c>).</description></item>
/// <item><description>4000–4099: transports.</description></item>
/// <item><description>4100–4199: the host check.</description></item>
/// <item><description>5000 and above: the command-line sample.</description></item>
/// </list>
/// </remarks>
public static partial class IscsiEventIds
{
}
