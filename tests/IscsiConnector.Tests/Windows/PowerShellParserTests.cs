using System.Management.Automation.Language;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Tests.Windows;

/// <summary>
/// Every script the Windows initiator can run, checked with PowerShell's own parser (Microsoft.PowerShell.SDK
/// 7.6.9, <c>Parser.ParseInput</c>): it parses without errors, it is one statement (so that
/// <c>powershell -Command -</c>, which reads standard input line by line, runs it whole), and no value can become
/// code — values are only read from the environment variables the backend sets, and nothing turns text into code.
/// </summary>
public sealed class PowerShellParserTests
{
    public static TheoryData<string> Scripts => [.. WindowsScript.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_HasNoErrors(string name)
    {
        var ast = Parse(name, out var errors);

        errors.Should().BeEmpty(because: $"{name}.ps1 must parse: {string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"))}");
        ast.EndBlock.Statements.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_IsOneInvokedScriptBlockFollowedByABlankLine(string name)
    {
        var ast = Parse(name, out _);

        ast.EndBlock.Statements.Should().ContainSingle();
        var pipeline = ast.EndBlock.Statements[0].Should().BeOfType<PipelineAst>().Subject;
        var command = pipeline.PipelineElements.Should().ContainSingle().Which.Should().BeOfType<CommandAst>().Subject;
        command.InvocationOperator.Should().Be(TokenKind.Ampersand);
        command.CommandElements[0].Should().BeOfType<ScriptBlockExpressionAst>();
        WindowsScript.All.Single(s => s.Name == name).Text.Should().EndWith("}\n\n", because: "-Command - runs a multi-line statement once an empty line follows it");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_ReadsOnlyItsOwnEnvironmentVariables(string name)
    {
        var ast = Parse(name, out _);

        var environment = ast.FindAll(a => a is VariableExpressionAst v && v.VariablePath.IsDriveQualified, searchNestedScriptBlocks: true)
            .Cast<VariableExpressionAst>()
            .Select(v => v.VariablePath.UserPath)
            .Distinct()
            .ToArray();

        environment.Where(p => !p.StartsWith("env:ISCSI_CONNECTOR_", StringComparison.Ordinal)).Should().BeEmpty();
        environment.Select(p => p["env:".Length..]).Should().BeSubsetOf([ScriptEnvironment.Arguments, ScriptEnvironment.ChapSecret, ScriptEnvironment.InitiatorChapSecret]);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_NeverTurnsTextIntoCode(string name)
    {
        var ast = Parse(name, out _);

        var commands = ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>()
            .Select(c => c.GetCommandName()).Where(n => n is not null).ToArray();
        commands.Should().NotContain(n => n!.Equals("Invoke-Expression", StringComparison.OrdinalIgnoreCase) || n.Equals("iex", StringComparison.OrdinalIgnoreCase)
            || n.Equals("Invoke-Command", StringComparison.OrdinalIgnoreCase) || n.Equals("Add-Type", StringComparison.OrdinalIgnoreCase));
        var members = ast.FindAll(a => a is InvokeMemberExpressionAst, searchNestedScriptBlocks: true).Cast<InvokeMemberExpressionAst>()
            .Select(m => m.Member.Extent.Text).ToArray();
        members.Should().NotContain(m => m.Equals("Create", StringComparison.OrdinalIgnoreCase) || m.Equals("InvokeScript", StringComparison.OrdinalIgnoreCase) || m.Equals("NewScriptBlock", StringComparison.OrdinalIgnoreCase));

        // An '&' call of a variable runs a script block: only the ones the script defines itself.
        var invoked = ast.FindAll(a => a is CommandAst c && c.InvocationOperator == TokenKind.Ampersand && c.CommandElements[0] is VariableExpressionAst, searchNestedScriptBlocks: true)
            .Cast<CommandAst>().Select(c => ((VariableExpressionAst)c.CommandElements[0]).VariablePath.UserPath).Distinct();
        var defined = ast.FindAll(a => a is AssignmentStatementAst s && s.Right is CommandExpressionAst { Expression: ScriptBlockExpressionAst }, searchNestedScriptBlocks: true)
            .Cast<AssignmentStatementAst>().Select(s => ((VariableExpressionAst)s.Left).VariablePath.UserPath);
        invoked.Should().BeSubsetOf(defined);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_PrintsOneCompressedJsonReply(string name)
    {
        var ast = Parse(name, out _);

        var convert = ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "ConvertTo-Json", searchNestedScriptBlocks: true).Cast<CommandAst>().ToArray();
        convert.Should().ContainSingle();
        var parameters = convert[0].CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName).ToArray();
        parameters.Should().Contain(["InputObject", "Depth", "Compress"]);
        WindowsScript.All.Single(s => s.Name == name).Text.Should().Contain($"Script = '{name}'");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ParseInput_EveryScript_UsesNoSyntaxWindowsPowerShell51Lacks(string name)
    {
        Parser.ParseInput(WindowsScript.All.Single(s => s.Name == name).Text, out var tokens, out _);

        // The parser is PowerShell 7.6's; powershell.exe is 5.1, which has none of these operators.
        TokenKind[] sevenOnly = [TokenKind.QuestionQuestion, TokenKind.QuestionQuestionEquals, TokenKind.QuestionDot, TokenKind.QuestionLBracket, TokenKind.QuestionMark, TokenKind.AndAnd, TokenKind.OrOr];
        tokens.Select(t => t.Kind).Should().NotContain(sevenOnly);
        tokens.Where(t => t.Kind == TokenKind.Identifier || t.Kind == TokenKind.Generic).Select(t => t.Text).Should().NotContain(["ForEach-Object -Parallel", "Clean"]);
    }

    internal static ScriptBlockAst Parse(string name, out ParseError[] errors) =>
        Parser.ParseInput(WindowsScript.All.Single(s => s.Name == name).Text, out _, out errors);
}
