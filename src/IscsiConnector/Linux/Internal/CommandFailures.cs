using System.Globalization;
using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;

namespace IscsiConnector.Linux.Internal;

/// <summary>Builds <see cref="IscsiCommandException"/> for a failed command (the lead unifies this with the executor's helper).</summary>
internal static class CommandFailures
{
    public static IscsiCommandException From(CommandSpec command, CommandResult result)
    {
        var program = Path.GetFileName(command.FileName);
        var what = program == IscsiAdmCommands.Program
            ? IscsiAdmExitCodeExtensions.FromProcessExitCode(result.ExitCode).ToString()
            : "failure";
        var firstLine = (result.StandardError ?? string.Empty).Trim().Split('\n')[0];
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"'{command.ToDisplayString()}' exited with code {result.ExitCode} ({what}){(firstLine.Length > 0 ? ": " + firstLine : ".")}");
        return new IscsiCommandException(program, command.ToDisplayString(), result.ExitCode, result.StandardError, message);
    }
}
