namespace IscsiConnector;

public sealed partial class ConnectionInfo
{
    /// <summary>Parses and validates a <c>connection_info</c> JSON document.</summary>
    /// <param name="json">Cinder's whole answer, the same wrapped in <c>{"connection_info": …}</c>, or the bare <c>data</c> object.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ConnectionInfoException">The document is malformed; the message names the key and the problem.</exception>
    public static ConnectionInfo Parse(string json) => throw new NotImplementedException("Parsing arrives with the foundation work.");

    /// <summary>Writes the model back with Cinder's keys, as the <c>data</c> object.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => throw new NotImplementedException("Serialization arrives with the foundation work.");
}
