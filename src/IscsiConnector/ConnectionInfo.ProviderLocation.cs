using System.Globalization;
using IscsiConnector.Internal;

namespace IscsiConnector;

public sealed partial class ConnectionInfo
{
    private const string ProviderLocationKey = "provider_location";

    /// <summary>
    /// Reads Cinder's <c>provider_location</c> (the Cinder spec "Failover to alternative iSCSI portals on login failure"): <c>&lt;ip&gt;:&lt;port&gt;;&lt;ip2&gt;:&lt;port&gt;,&lt;tpgt&gt; &lt;iqn&gt; [&lt;lun&gt;]</c>.
    /// Like Cinder's <c>_get_iscsi_properties</c>, the first portal becomes <see cref="Primary"/> and, when there are
    /// several, all of them become <see cref="Portals"/> (the multipath list, and the failover order without multipath).
    /// The tag after the last portal applies to every portal.
    /// </summary>
    /// <param name="providerLocation">The text, e.g. <c>10.0.1.2:3260;10.0.2.2:3260,1 iqn.2010-10.org.openstack:volume-1 1</c>.</param>
    /// <param name="defaultLun">The LUN when the text has none (or Cinder's literal <c>None</c>). The default value is 0.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="providerLocation"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConnectionInfoException">The text is malformed; <see cref="ConnectionInfoException.Key"/> is <c>provider_location</c>.</exception>
    public static ConnectionInfo FromProviderLocation(string providerLocation, int defaultLun = 0)
    {
        ArgumentNullException.ThrowIfNull(providerLocation);
        var fields = providerLocation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 2 or > 3 || providerLocation.Any(c => char.IsWhiteSpace(c) && c != ' ') || providerLocation.Any(char.IsControl))
        {
            throw Location("has the wrong shape; expected \"<ip>:<port>[;<ip2>:<port>…][,<tpgt>] <iqn> [<lun>]\" separated by single spaces.");
        }

        var portalList = fields[0];
        string? tag = null;
        var comma = portalList.LastIndexOf(',');
        if (comma >= 0)
        {
            tag = portalList[comma..];
            portalList = portalList[..comma];
        }

        var portals = portalList.Split(';').Select(p => ParseLocationPortal(p + tag)).ToList();
        var iqn = ConnectionInfoBuilder.Iqn(fields[1], ProviderLocationKey)!;
        var lun = fields.Length < 3 || fields[2] == "None" ? defaultLun : ParseLocationLun(fields[2]);
        var paths = portals.Select(p => new IscsiPath(p, iqn, lun)).ToList();
        try
        {
            return new ConnectionInfo { Primary = paths[0], Portals = paths.Count > 1 ? paths.AsReadOnly() : [] }.Validate();
        }
        catch (ConnectionInfoException ex)
        {
            // Keep the caller's vocabulary: the input was provider_location, not connection_info keys.
            throw new ConnectionInfoException(ProviderLocationKey, $"describes an invalid connection ({ex.Message}).", ex);
        }
    }

    /// <summary>
    /// Writes the model as Cinder's <c>provider_location</c>: every path of <see cref="MultipathPaths"/> (primary first),
    /// one tag, one IQN and one LUN. CHAP and the other keys have no place in that format and are left out.
    /// </summary>
    /// <returns>The text, e.g. <c>10.0.1.2:3260;10.0.2.2:3260,1 iqn.2010-10.org.openstack:volume-1 1</c>.</returns>
    /// <exception cref="InvalidOperationException">The paths differ in IQN, LUN or portal group tag, which the format cannot express.</exception>
    public string ToProviderLocation()
    {
        var paths = Distinct([Primary, .. MultipathPaths]);
        if (paths.Any(p => !IscsiPath.TargetNameComparer.Equals(p.Iqn, Primary.Iqn) || p.Lun != Primary.Lun || p.Portal.Tpgt != Primary.Portal.Tpgt))
        {
            throw new InvalidOperationException("provider_location holds one IQN, one LUN and one portal group tag for all portals, but this connection_info's paths differ in them.");
        }

        var portals = string.Join(';', paths.Select(p => p.Portal.Address));
        var tag = Primary.Portal.Tpgt is { } t ? string.Create(CultureInfo.InvariantCulture, $",{t}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{portals}{tag} {Primary.Iqn} {Primary.Lun}");
    }

    private static IscsiPortal ParseLocationPortal(string text) =>
        IscsiPortal.TryParse(text, out var portal, out var problem) ? portal : throw Location($"has portal {ValueRules.Show(text)} that {problem}.");

    private static int ParseLocationLun(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var lun) && lun <= IscsiPath.MaxLun
            ? lun : throw Location($"has LUN {ValueRules.Show(text)}; expected a number 0…{IscsiPath.MaxLun} or nothing.");

    private static ConnectionInfoException Location(string message) => new(ProviderLocationKey, message);
}
