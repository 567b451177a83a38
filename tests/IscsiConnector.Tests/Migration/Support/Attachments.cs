namespace IscsiConnector.Tests.Migration.Support;

/// <summary>Destination attachments as the connector returns them (shapes from docs/cli.md's captured connect output).</summary>
internal static class Attachments
{
    public const string Iqn = "iqn.2010-10.org.openstack:volume-00000002";

    public static VolumeAttachment Single(string byPath = "/dev/disk/by-path/ip-127.0.0.2:3260-iscsi-iqn.2010-10.org.openstack:volume-00000002-lun-1") => new()
    {
        Path = "/dev/sda",
        ByPath = byPath,
        ScsiWwn = "360000000000000000e00000000010001",
        Devices = [new AttachedDevice("sda", new IscsiPath(new IscsiPortal("127.0.0.2"), Iqn, 1), new ScsiAddress(1, 0, 0, 1), 2)],
        Portals = [],
    };

    public static VolumeAttachment Multipath(string path) => new()
    {
        Path = path,
        ScsiWwn = "360000000000000000e00000000010001",
        MultipathId = "360000000000000000e00000000010001",
        MultipathName = "mpatha",
        Devices =
        [
            new AttachedDevice("sda", new IscsiPath(new IscsiPortal("127.0.0.1"), Iqn, 1), new ScsiAddress(1, 0, 0, 1), 1),
            new AttachedDevice("sdb", new IscsiPath(new IscsiPortal("127.0.0.2"), Iqn, 1), new ScsiAddress(2, 0, 0, 1), 2),
        ],
        Portals = [],
    };
}
