namespace IscsiConnector.Cli;

/// <summary>Invalid input found before anything ran (exit code 2). The message is one line naming the option or key.</summary>
internal sealed class UsageException(string message, Exception? innerException = null) : Exception(message, innerException);
