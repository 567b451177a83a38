namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// One record printed by <c>-o show</c> (<c>iscsiadm -m node|iface|discoverydb … -o show</c>): its
/// <c>key = value</c> settings in output order.
/// </summary>
internal sealed record IscsiAdmRecord
{
    /// <summary>Initializes a new instance of the <see cref="IscsiAdmRecord"/> class.</summary>
    /// <param name="settings">The settings in output order.</param>
    public IscsiAdmRecord(IEnumerable<IscsiAdmSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.ToArray();
    }

    /// <summary>Gets the settings, in output order.</summary>
    public IReadOnlyList<IscsiAdmSetting> Settings { get; }

    /// <summary>Looks a setting up by its exact key (the last one wins if a key repeats).</summary>
    /// <param name="key">The key, e.g. <c>node.conn[0].port</c>.</param>
    /// <param name="value">The value; <see langword="null"/> for <c>&lt;empty&gt;</c> or a missing key.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool TryGetValue(string key, out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = Settings.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Settings[i].Key, key, StringComparison.Ordinal))
            {
                value = Settings[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Gets a setting's value, or <see langword="null"/> when it is missing or <c>&lt;empty&gt;</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? GetValueOrDefault(string key) => TryGetValue(key, out var value) ? value : null;
}
