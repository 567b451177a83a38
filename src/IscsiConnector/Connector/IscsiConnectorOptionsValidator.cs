using Microsoft.Extensions.Options;

namespace IscsiConnector;

/// <summary>Validates the data annotations of <see cref="IscsiConnectorOptions"/> (source generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class IscsiConnectorOptionsValidator : IValidateOptions<IscsiConnectorOptions>
{
}
