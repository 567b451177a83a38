namespace IscsiConnector.Tests.Support;

/// <summary>A fact that runs only on Linux (it starts real processes such as <c>/bin/sh</c> or reads <c>/proc</c>).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="LinuxFactAttribute"/> class.</summary>
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux: starts /bin/sh child processes and inspects /proc.";
        }
    }
}
