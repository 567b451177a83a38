using IscsiConnector.Connector.Internal;

namespace IscsiConnector.Linux;

/// <summary>The same initiator over another iface (spec 004): every <c>-I</c> of the copy names that iface.</summary>
internal sealed partial class OpenIscsiInitiator
{
    private OpenIscsiInitiator(OpenIscsiInitiator other, string iface)
    {
        _runner = other._runner;
        _fs = other._fs;
        _iface = iface;
        _loginTimeout = other._loginTimeout;
    }

    public IIscsiInitiator WithIface(string iface) => iface == _iface ? this : new OpenIscsiInitiator(this, iface);
}
