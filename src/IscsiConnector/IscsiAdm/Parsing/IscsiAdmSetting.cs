namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>One <c>key = value</c> line of an iscsiadm record.</summary>
/// <param name="Key">The setting name, e.g. <c>node.session.auth.authmethod</c>.</param>
/// <param name="Value">The value; <see langword="null"/> where iscsiadm printed <c>&lt;empty&gt;</c>. Passwords are shown by iscsiadm as <c>********</c> and stay so.</param>
internal sealed record IscsiAdmSetting(string Key, string? Value);
