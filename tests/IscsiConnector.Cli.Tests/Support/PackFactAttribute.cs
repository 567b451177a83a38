namespace IscsiConnector.Cli.Tests.Support;

/// <summary>
/// A fact that packs and installs the tool (slow: a few seconds). Set <c>ISCSI_CONNECTOR_SKIP_PACK_TESTS=1</c> to skip it;
/// it needs no network (a private NuGet.config with only the local folder), but it does start the dotnet SDK.
/// </summary>
public sealed class PackFactAttribute : FactAttribute
{
    public PackFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ISCSI_CONNECTOR_SKIP_PACK_TESTS") == "1")
        {
            Skip = "ISCSI_CONNECTOR_SKIP_PACK_TESTS=1";
        }
    }
}
