using IscsiConnector.Readiness;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Commands;

/// <summary>Runs a command body and turns the errors every command shares into one stderr line and an exit code.</summary>
internal static class Guarded
{
    /// <param name="body">The command's work.</param>
    /// <param name="command">The command's name, so that an interruption is reported for what it interrupted.</param>
    public static async Task<int> RunAsync(Func<Task<int>> body, string? command = null)
    {
        try
        {
            return await body();
        }
        catch (UsageException ex)
        {
            return Fail(ExitCodes.InvalidInput, ex.Message);
        }
        catch (ConnectionInfoException ex)
        {
            // The message names the key ("connection_info key 'target_portal': …") and never holds a secret.
            return Fail(ExitCodes.InvalidInput, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Cancelled, Interrupted(command));
        }
        catch (HostNotReadyException ex)
        {
            return Fail(ExitCodes.HostNotReady, ex.Message);
        }
        catch (IscsiTransportException ex)
        {
            return Fail(ExitCodes.TransportUnusable, ex.Message);
        }
        catch (IscsiException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (Exception ex)
        {
            // Exit code 1 with one line, never a stack trace or a CLR type name: the message is the sentence to read.
            return Fail(ExitCodes.Failure, ex.Message);
        }
    }

    /// <summary>What an interruption (Ctrl-C, SIGTERM) of <paramref name="command"/> left: only an attach undoes itself.</summary>
    internal static string Interrupted(string? command) => command switch
    {
        "connect" => "interrupted; whatever this attach had created was undone.",
        "disconnect" => "interrupted; the disconnect stopped part-way: what it had removed is gone, the rest is still attached. Run disconnect again to finish.",
        _ => "interrupted.",
    };

    /// <summary>Writes one error line on standard error and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine("iscsi-connector: error: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
