namespace IscsiConnector.Internal;

/// <summary>
/// The library's source-generated log messages (<c>[LoggerMessage]</c>). Each area adds its methods
/// in its own partial file (<c>Log.&lt;Area&gt;.cs</c>) with an event id from <see cref="IscsiEventIds"/>.
/// </summary>
/// <remarks>
/// Rules every method keeps: PascalCase placeholders, no secret in any argument (callers pass
/// redacted command lines, never CHAP values), and the level matches the house convention — Trace
/// for a command about to run, Debug when it finished, Information for sessions and devices,
/// Warning for retry and failover, Error for a final failure.
/// </remarks>
internal static partial class Log
{
}
