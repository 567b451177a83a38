using System.Globalization;

namespace IscsiConnector.Benchmarks.Support;

/// <summary>Cinder-style <c>connection_info</c> documents for the suites (loopback portals only).</summary>
public static class Volumes
{
    public const string ChapUser = "chapuser";
    public const string ChapSecret = "chapsecret123";

    public static string Iqn(int volume) => string.Create(CultureInfo.InvariantCulture, $"iqn.2010-10.org.openstack:volume-{volume:00000000}");

    /// <summary>One portal, LUN 1, optionally with CHAP.</summary>
    public static ConnectionInfo Single(int volume, string portal, bool chap = false) => ConnectionInfo.Parse($$"""
        {"driver_volume_type": "iscsi", "data": {
          "target_portal": "{{portal}}", "target_iqn": "{{Iqn(volume)}}", "target_lun": 1{{ChapKeys(chap)}}
          }
        }
        """);

    /// <summary>A primary and alternatives of the same target (spec 000/002 failover).</summary>
    public static ConnectionInfo WithAlternatives(int volume, string primary, params string[] alternatives) => ConnectionInfo.Parse($$"""
        {"driver_volume_type": "iscsi", "data": {
          "target_portal": "{{primary}}", "target_iqn": "{{Iqn(volume)}}", "target_lun": 1,
          "target_alternative_portals": [{{Quoted(alternatives)}}],
          "target_alternative_iqns": [{{Quoted(alternatives.Select(_ => Iqn(volume)))}}],
          "target_alternative_luns": [{{string.Join(", ", alternatives.Select(_ => "1"))}}]
          }
        }
        """);

    /// <summary>The same target through every portal (spec 001 multipath).</summary>
    public static ConnectionInfo Multipath(int volume, params string[] portals) => ConnectionInfo.Parse($$"""
        {"driver_volume_type": "iscsi", "data": {
          "target_portal": "{{portals[0]}}", "target_iqn": "{{Iqn(volume)}}", "target_lun": 1,
          "target_portals": [{{Quoted(portals)}}],
          "target_iqns": [{{Quoted(portals.Select(_ => Iqn(volume)))}}],
          "target_luns": [{{string.Join(", ", portals.Select(_ => "1"))}}]
          }
        }
        """);

    /// <summary>
    /// What a Cinder LVM/tgt backend with multipath and CHAP hands over (keys and value shapes as in
    /// <c>samples/connection-info</c> and the test bed): four portals, CHAP and discovery CHAP, the usual extras.
    /// </summary>
    public const string RealisticMultipathChapDocument = """
        {
          "driver_volume_type": "iscsi",
          "data": {
            "target_discovered": false,
            "target_portal": "127.0.0.1:3260",
            "target_iqn": "iqn.2010-10.org.openstack:volume-7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21",
            "target_lun": 1,
            "target_portals": ["127.0.0.1:3260", "127.0.0.2:3260", "[::1]:3260", "127.0.0.3:3261"],
            "target_iqns": [
              "iqn.2010-10.org.openstack:volume-7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21",
              "iqn.2010-10.org.openstack:volume-7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21",
              "iqn.2010-10.org.openstack:volume-7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21",
              "iqn.2010-10.org.openstack:volume-7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21"
            ],
            "target_luns": [1, 1, 1, 1],
            "auth_method": "CHAP",
            "auth_username": "x7QmZ2pLr9TfKc4VbN8w",
            "auth_password": "Jd83kLmQ0pZx7VbN2cTr",
            "discovery_auth_method": "CHAP",
            "discovery_auth_username": "discovery-user",
            "discovery_auth_password": "discovery-secret-42",
            "volume_id": "7c1f0c4e-3a5b-4e0f-9d1c-2b7a8e6f4d21",
            "qos_specs": null,
            "access_mode": "rw",
            "encrypted": false,
            "cacheable": false,
            "enforce_multipath": true
          }
        }
        """;

    private static string ChapKeys(bool chap) =>
        chap ? $""", "auth_method": "CHAP", "auth_username": "{ChapUser}", "auth_password": "{ChapSecret}" """ : "";

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
