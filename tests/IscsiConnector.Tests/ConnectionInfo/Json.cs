namespace IscsiConnector.Tests;

/// <summary>Test helpers: JSON written with single quotes for readability, and a semantic comparison.</summary>
internal static class Json
{
    public const string Portal = "'target_portal':'10.0.0.1:3260'";
    public const string Iqn = "'target_iqn':'iqn.2010-10.org.openstack:volume-1'";
    public const string Lun = "'target_lun':1";
    public const string OnePath = Portal + "," + Iqn + "," + Lun;

    /// <summary>The marker every password in the malformed table contains; no message may show it.</summary>
    public const string Secret = "Zq9SecretValue";

    public static string Q(string singleQuoted) => singleQuoted.Replace('\'', '"');

    public static string Data(string body) => Q("{" + body + "}");

    public static void ShouldBeSemanticallyEqual(this IscsiConnector.ConnectionInfo actual, IscsiConnector.ConnectionInfo expected)
    {
        actual.Primary.Should().Be(expected.Primary);
        actual.Alternatives.Should().Equal(expected.Alternatives);
        actual.Portals.Should().Equal(expected.Portals);
        actual.Chap.Should().Be(expected.Chap);
        actual.DiscoveryChap.Should().Be(expected.DiscoveryChap);
        actual.VolumeId.Should().Be(expected.VolumeId);
        actual.TargetDiscovered.Should().Be(expected.TargetDiscovered);
        actual.AdditionalData.Keys.Should().BeEquivalentTo(expected.AdditionalData.Keys);
        foreach (var (key, value) in expected.AdditionalData)
        {
            System.Text.Json.JsonElement.DeepEquals(actual.AdditionalData[key], value).Should().BeTrue($"additional key {key} must round-trip");
        }
    }
}
