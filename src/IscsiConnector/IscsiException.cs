namespace IscsiConnector;

/// <summary>The base of every error this library reports about iSCSI work (not about misuse of its API).</summary>
public abstract class IscsiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="IscsiException"/> class.</summary>
    /// <param name="message">A sentence: what failed, the evidence, and how to fix it.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected IscsiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Gets a value indicating whether repeating the operation may succeed.</summary>
    public virtual bool IsTransient => false;
}
