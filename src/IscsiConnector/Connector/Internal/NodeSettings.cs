namespace IscsiConnector.Connector.Internal;

/// <summary>Settings written into a target record before login.</summary>
internal sealed record NodeSettings(
    TimeSpan LoginTimeout,
    int InitialLoginRetryMax,
    bool AutomaticStartup,
    TimeSpan? ReplacementTimeout,
    ChapCredentials? Chap)
{
    public static NodeSettings From(IscsiConnectorOptions options, ChapCredentials? chap) =>
        new(options.LoginTimeout, options.InitialLoginRetryMax, options.AutomaticStartup, options.ReplacementTimeout, chap);
}
