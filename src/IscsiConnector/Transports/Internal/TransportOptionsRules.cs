namespace IscsiConnector.Transports.Internal;

/// <summary>The transport rules of <see cref="IscsiConnectorOptions"/>, called by the options validator.</summary>
internal static class TransportOptionsRules
{
    public static void Check(List<string> failures, IscsiConnectorOptions options)
    {
        if (!Enum.IsDefined(options.TransportFallback))
        {
            failures.Add($"TransportFallback ({(int)options.TransportFallback}) must be FallBackToTcp or Fail.");
        }

        if (options.IfaceDefinition is not { } definition)
        {
            return;
        }

        failures.AddRange(definition.GetProblems().Select(p => "IfaceDefinition: " + p));
        if (options.Transport != IscsiTransports.DefaultIface && options.Transport != definition.EffectiveName)
        {
            failures.Add($"Transport '{options.Transport}' and IfaceDefinition (iface '{definition.EffectiveName}') name different ifaces: leave Transport at 'default' or set it to '{definition.EffectiveName}'.");
        }
    }
}
