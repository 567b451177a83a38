using System.Globalization;
using IscsiConnector.Readiness;
using IscsiConnector.Linux.Internal;

namespace IscsiConnector.Linux;

/// <content>Who this process is (<c>/proc/self/status</c>) and the initiator name, read directly or through the root helper.</content>
internal sealed partial class OpenIscsiHostProbe
{
    private async Task<HostCheckItem> InitiatorNameAsync(HostCheckItem privileges, int? uid, CancellationToken cancellationToken)
    {
        if (!fileSystem.Exists(InitiatorNameFile))
        {
            return HostCheckItem.Problem(HostRequirement.InitiatorName, $"this host has no initiator name: {InitiatorNameFile} does not exist", HostCheckFixes.CreateInitiatorName);
        }

        string? text;
        try
        {
            text = privileges.Status == HostCheckStatus.Problem && files.ThroughCommands ? null : await files.ReadAsync(InitiatorNameFile, cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            return HostCheckItem.Problem(HostRequirement.InitiatorName, $"the root helper could not read {InitiatorNameFile}: {OneLine(e.Message)}", HostCheckFixes.AllowCat);
        }

        if (text is null)
        {
            return HostCheckItem.Skipped(HostRequirement.InitiatorName, string.Create(CultureInfo.InvariantCulture, $"{InitiatorNameFile} exists but this process (uid {uid?.ToString(CultureInfo.InvariantCulture) ?? "?"}) may not read it"));
        }

        return OpenIscsiInitiator.ParseInitiatorName(text) is { Length: > 0 } name
            ? HostCheckItem.Ok(HostRequirement.InitiatorName, name)
            : HostCheckItem.Problem(HostRequirement.InitiatorName, $"{InitiatorNameFile} has no InitiatorName= line (a fresh Debian install has only GenerateName=yes until iscsid first starts)", HostCheckFixes.CreateInitiatorName);
    }

    private int? EffectiveUid()
    {
        // "Uid:\treal\teffective\tsaved\tfs"
        foreach (var line in (fileSystem.ReadAllText("/proc/self/status") ?? string.Empty).Split('\n'))
        {
            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[0] == "Uid:" && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                return uid;
            }
        }

        return null;
    }
}
