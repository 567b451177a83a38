namespace IscsiConnector.Testing.Internal;

/// <summary>A target as configured (tgtd's view): its LUNs and CHAP accounts.</summary>
internal sealed class TargetDef(string iqn, int tid)
{
    public string Iqn { get; } = iqn;

    public int Tid { get; } = tid;

    public List<LunDef> Luns { get; } = [];

    public ChapAccount? Chap { get; set; }

    public ChapAccount? MutualChap { get; set; }
}

internal sealed class LunDef(int lun, long sizeBytes, string wwid, string vendor, string model, bool isController)
{
    public int Lun { get; } = lun;

    public long SizeBytes { get; set; } = sizeBytes;

    public string Wwid { get; } = wwid;

    public string Vendor { get; } = vendor;

    public string Model { get; } = model;

    public bool IsController { get; } = isController;
}

internal sealed record ChapAccount(string Username, string Password);
