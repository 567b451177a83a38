namespace IscsiConnector.Host;

/// <summary>
/// The lock directory or a lock file in it is not safe to use: the directory is not owned by the running user, is
/// open to other users (mode other than 0700), is a symbolic link or not a directory, or a lock file is a symbolic
/// link. Another local user could then hold or delete the locks that keep two processes off the same target.
/// </summary>
/// <remarks>Nothing has been run when this is thrown. Fix the path named in <see cref="Path"/> (or choose another <c>LockDirectory</c>).</remarks>
public sealed class UnsafeLockPathException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="UnsafeLockPathException"/> class.</summary>
    /// <param name="path">The directory or file that failed the check.</param>
    /// <param name="problem">What is wrong with it, e.g. <c>has mode 0755; it must be 0700</c>.</param>
    public UnsafeLockPathException(string path, string problem)
        : base($"The lock path '{path}' {problem}. Locks must live in a directory owned by the running user with mode 0700 "
            + "(the connector creates it so when it is missing); remove or fix it, or choose another LockDirectory (CLI: --lock-dir).")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Gets the directory or file that failed the check.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong with <see cref="Path"/>.</summary>
    public string Problem { get; }
}
