namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// What a parser understood of some <c>iscsiadm</c> output, and the lines it did not. Parsers never
/// throw on odd output: a line they cannot read is reported here, and the rest is still used.
/// </summary>
/// <typeparam name="T">The parsed item type.</typeparam>
/// <param name="Items">The parsed items, in output order.</param>
/// <param name="UnparsedLines">The non-blank lines that were not understood, trimmed.</param>
internal sealed record IscsiAdmParseResult<T>(IReadOnlyList<T> Items, IReadOnlyList<string> UnparsedLines)
{
    /// <summary>Gets a value indicating whether every non-blank line was understood.</summary>
    public bool IsComplete => UnparsedLines.Count == 0;
}
