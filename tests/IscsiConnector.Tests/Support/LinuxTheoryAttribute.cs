namespace IscsiConnector.Tests.Support;

/// <summary>A theory that runs only on Linux (it uses Unix file modes, symbolic links or <c>flock</c>).</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    /// <summary>Initializes a new instance of the <see cref="LinuxTheoryAttribute"/> class.</summary>
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux: Unix file modes, symbolic links and flock.";
        }
    }
}
