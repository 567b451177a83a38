using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>What a disconnect has done so far, turned into a <see cref="DisconnectResult"/> (or an exception) at the end.</summary>
internal sealed class DisconnectState(DisconnectOptions options)
{
    public DisconnectOptions Options { get; } = options;

    public List<string> Removed { get; } = [];

    public List<IscsiPath> LoggedOut { get; } = [];

    public List<IscsiPath> Kept { get; } = [];

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    public string? FlushedMap { get; set; }

    public Exception? FirstError { get; private set; }

    public void Problem(ILogger logger, string problem, Exception? error = null)
    {
        Problems.Add(problem);
        FirstError ??= error;
        Log.DisconnectProblem(logger, problem);
    }

    /// <exception cref="VolumeDetachException">There were problems and errors are not ignored.</exception>
    public DisconnectResult Finish()
    {
        var result = new DisconnectResult
        {
            RemovedDevices = Removed.ToList(),
            FlushedMultipath = FlushedMap,
            LoggedOut = LoggedOut.ToList(),
            KeptSessions = Kept.ToList(),
            Problems = Problems.ToList(),
            Warnings = Warnings.ToList(),
        };
        if (Problems.Count > 0 && !Options.IgnoreErrors)
        {
            var advice = Options.Force ? string.Empty : " Retry, or disconnect with force (may lose unflushed data).";
            throw new VolumeDetachException($"Disconnecting the volume left things behind: {string.Join(" ", Problems)}{advice}", result, FirstError);
        }

        return result;
    }
}
