using IscsiConnector.Readiness.Internal;
using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Readiness;

/// <summary>
/// Checks that this host has what an attach needs — <c>iscsiadm</c> (and the root helper that runs it),
/// a reachable <c>iscsid</c>, an initiator name, the iface's transport, <c>multipathd</c> when multipath is
/// used — so that a host that is not ready fails at once with <see cref="HostNotReadyException"/> instead
/// of looking like a dead storage array after every portal was tried.
/// </summary>
/// <remarks>
/// The connector runs it before its first login and trusts a passing result for 30 seconds. Call
/// <see cref="CheckAsync"/> yourself for a fresh answer (a start-up probe, a health check: see
/// <c>IscsiHostHealthCheck</c>). Create it with <c>IscsiConnectorFactory.CreateHostCheck</c> or resolve it
/// after <c>services.AddIscsiConnector()</c>.
/// </remarks>
public sealed class IscsiHostCheck
{
    private readonly IHostReadinessProbe _probe;
    private readonly HostCheckSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<HostCheckResult>? _running;
    private long _trustedUntil = long.MinValue;

    internal IscsiHostCheck(IHostReadinessProbe probe, HostCheckSettings settings, TimeProvider time, ILogger? logger)
    {
        _probe = probe;
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Checks the host now (never from a cache) and reports every requirement, met or not.</summary>
    /// <param name="cancellationToken">Cancels the check; its commands are killed.</param>
    /// <returns>One item per requirement; <see cref="HostCheckResult.IsReady"/> tells whether an attach can proceed.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>Without a root helper it starts no process: iscsiadm is looked up on <c>PATH</c>, and <c>/proc/net/unix</c>
    /// (iscsid's and multipathd's sockets), <c>/etc/iscsi/initiatorname.iscsi</c> and <c>/sys/class/iscsi_transport</c> are
    /// read. With one it runs <c>iscsiadm --version</c> through it, and <c>cat</c> of the initiator name when only the helper may read it. No
    /// retries, no waits.</remarks>
    public async Task<HostCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var items = await _probe.ProbeAsync(_settings, cancellationToken).ConfigureAwait(false);
        var result = new HostCheckResult(items.OrderBy(i => i.Requirement).ToList(), _time.GetElapsedTime(started));
        Log.HostChecked(_logger, (long)result.Duration.TotalMilliseconds, result.IsReady, string.Join("; ", result.Items));
        return result;
    }

    /// <summary>
    /// Throws unless the host is ready. A passing check is trusted for a short while, and concurrent callers
    /// share one check in flight, so a burst of attaches costs one check.
    /// </summary>
    /// <exception cref="HostNotReadyException">A requirement is not met; nothing was changed on the host.</exception>
    internal async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_time.GetTimestamp() < Interlocked.Read(ref _trustedUntil))
        {
            return;
        }

        Task<HostCheckResult> shared;
        lock (_gate)
        {
            // A finished run is never reused (that is what the trust window is for); a run in flight is joined. It is not
            // cancelled by one caller giving up: the others still want its answer.
            if (_running is null || _running.IsCompleted)
            {
                _running = CheckAsync(CancellationToken.None);
            }

            shared = _running;
        }

        var result = await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!result.IsReady)
        {
            Log.HostNotReady(_logger, result.Problems.Count, (long)result.Duration.TotalMilliseconds, string.Join("; ", result.Problems));
            throw new HostNotReadyException(result);
        }

        var until = _time.GetTimestamp() + (long)(_settings.CacheFor.TotalSeconds * _time.TimestampFrequency);
        Interlocked.Exchange(ref _trustedUntil, until);
    }
}
