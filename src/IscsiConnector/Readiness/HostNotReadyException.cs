using System.Text;

namespace IscsiConnector.Readiness;

/// <summary>
/// The host lacks something every attach needs (iscsiadm, iscsid, an initiator name, the transport,
/// multipathd for multipath), so nothing was tried: no node record was created and no portal was contacted.
/// </summary>
public sealed class HostNotReadyException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="HostNotReadyException"/> class.</summary>
    /// <param name="result">The check that failed; it must hold at least one problem.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> has no problem.</exception>
    public HostNotReadyException(HostCheckResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>Gets the whole check: every requirement, met or not.</summary>
    public HostCheckResult Result { get; }

    /// <summary>Gets the requirements that are not met, each with what is missing and how to fix it.</summary>
    public IReadOnlyList<HostCheckItem> Problems => Result.Problems;

    private static string Describe(HostCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = result.Problems;
        if (problems.Count == 0)
        {
            throw new ArgumentException("A host that is ready is not an error.", nameof(result));
        }

        var message = new StringBuilder("This host is not ready to attach iSCSI volumes, so no portal was tried: ");
        message.AppendJoin(" ", problems.Select((p, i) => $"({i + 1}) {p.Detail}. Fix: {p.Fix?.TrimEnd('.')}."));
        return message.ToString();
    }
}
