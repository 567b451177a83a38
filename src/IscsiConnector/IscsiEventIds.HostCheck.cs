namespace IscsiConnector;

/// <content>Event ids of the host check (range 4100–4199).</content>
public static partial class IscsiEventIds
{
    /// <summary>Debug: the host check finished, with every finding and its duration.</summary>
    public const int HostChecked = 4100;

    /// <summary>Error: the host check before an attach found problems; the attach was refused before any portal was tried.</summary>
    public const int HostNotReady = 4101;
}
