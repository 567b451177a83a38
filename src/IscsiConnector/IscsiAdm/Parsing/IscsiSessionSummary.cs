namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>One line of <c>iscsiadm -m session</c>: <c>tcp: [1] 127.0.0.1:3260,1 iqn.… (non-flash)</c>.</summary>
/// <param name="Transport">The transport, e.g. <c>tcp</c> or <c>iser</c>.</param>
/// <param name="SessionId">The session id (SID), as in <c>/sys/class/iscsi_session/session&lt;SID&gt;</c>.</param>
/// <param name="Portal">The portal the session is connected to, with its tag.</param>
/// <param name="TargetName">The target's iSCSI name (<c>iqn.</c>, <c>eui.</c> or <c>naa.</c>).</param>
/// <param name="IsFlash">Whether it is a flash (offload-firmware) session, or <see langword="null"/> when the line does not say (open-iscsi before 2.0-873).</param>
internal sealed record IscsiSessionSummary(string Transport, int SessionId, IscsiPortal Portal, string TargetName, bool? IsFlash);
