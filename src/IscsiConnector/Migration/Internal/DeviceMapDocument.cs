using System.Text.Json.Serialization;

namespace IscsiConnector.Migration.Internal;

// The JSON shape of a DestinationDeviceMap. Unknown top-level keys are skipped (the map travels inside an
// orchestrator's own message, like Nova's pre_live_migration res_data); unknown keys inside an entry are errors.

/// <summary><c>{"device_path": {…}, "iscsi_source": {…}}</c>.</summary>
internal sealed class DeviceMapDocument
{
    public Dictionary<string, string>? DevicePath { get; set; }

    public Dictionary<string, IscsiSourceDocument>? IscsiSource { get; set; }
}

/// <summary>One libiscsi source: <c>name</c> is written for readers and ignored on input (it is <c>iqn/lun</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class IscsiSourceDocument
{
    public string? Name { get; set; }

    public string? Iqn { get; set; }

    public int? Lun { get; set; }

    public HostDocument? Host { get; set; }

    public AuthDocument? Auth { get; set; }

    public string? Initiator { get; set; }
}

/// <summary>A <c>&lt;host name port&gt;</c>; the name is bare (no IPv6 brackets), as libvirt writes it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class HostDocument
{
    public string? Name { get; set; }

    public int? Port { get; set; }
}

/// <summary><c>&lt;auth username&gt;&lt;secret type usage|uuid&gt;</c>; never a password.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class AuthDocument
{
    public string? Username { get; set; }

    public string? SecretType { get; set; }

    public string? SecretUsage { get; set; }

    public Guid? SecretUuid { get; set; }
}
