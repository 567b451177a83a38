using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using IscsiConnector.Internal;

namespace IscsiConnector.Execution;

/// <content>Process start-up, tree kill and the texts of start and timeout failures.</content>
public sealed partial class ProcessCommandExecutor
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private ProcessStartInfo CreateStartInfo(CommandSpec command)
    {
        var fileName = rootHelper.Length == 0 ? command.FileName : rootHelper[0];
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
        };

        // The helper's own arguments, then the program, then its arguments: each one list item, no shell.
        foreach (var item in rootHelper.Skip(1))
        {
            startInfo.ArgumentList.Add(item);
        }

        if (rootHelper.Length > 0)
        {
            startInfo.ArgumentList.Add(command.FileName);
        }

        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument.Value);
        }

        // Untranslated messages, so that parsers and error matching see what open-iscsi's sources print.
        startInfo.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value.Value;
        }

        return startInfo;
    }

    private void KillProcessTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to do.
        }
        catch (Exception ex) when (ex is Win32Exception or AggregateException)
        {
            // Typically a root-owned child started through sudo, which an unprivileged parent may not signal: .NET kills
            // what it may (sudo itself) and reports the rest as an AggregateException. The caller still gets the timeout
            // (so an attach undoes what it made) rather than this (seen in the bed: a multipathd hint through sudo -n).
            Log.CommandKillFailed(logger, process.StartInfo.FileName, SafeId(process), ex);
        }
    }

    private static int SafeId(Process process)
    {
        try
        {
            return process.Id;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private IscsiCommandException StartFailed(CommandSpec command, string commandLine, string startedFile, Win32Exception ex)
    {
        string hint;
        if (rootHelper.Length > 0)
        {
            hint = $"Check that the root helper '{startedFile}' is installed and on PATH, and that it can run '{command.FileName}'.";
        }
        else
        {
            // The program's own advice (which package, where it lives) comes from the layer that knows it.
            hint = $"Check that '{command.FileName}' is installed and on PATH.";
        }

        return new IscsiCommandException(
            command.FileName,
            commandLine,
            exitCode: null,
            standardError: null,
            $"Could not start '{startedFile}' to run '{commandLine}': {ex.Message}. {hint}",
            innerException: ex);
    }

    private static IscsiCommandException TimedOut(CommandSpec command, string commandLine, TimeSpan timeout, Exception inner)
    {
        const string hint = "Raise the timeout if the command is merely slow.";
        return new IscsiCommandException(
            command.FileName,
            commandLine,
            exitCode: null,
            standardError: null,
            $"'{commandLine}' did not finish within {timeout} and was killed together with its child processes. {hint}",
            timedOut: true,
            innerException: inner);
    }
}
