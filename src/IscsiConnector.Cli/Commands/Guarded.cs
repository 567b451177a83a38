using IscsiConnector.Readiness;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Commands;

/// <summary>Runs a command body and turns the errors every command shares into one stderr line and an exit code.</summary>
internal static class Guarded
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
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
            return Fail(ExitCodes.Cancelled, "interrupted; whatever this attach had created was undone.");
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

    /// <summary>Writes one error line on standard error and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine("iscsi-connector: error: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
