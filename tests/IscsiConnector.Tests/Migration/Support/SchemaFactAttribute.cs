namespace IscsiConnector.Tests.Migration.Support;

/// <summary>
/// A fact that checks XML with libvirt's schema. Without virt-xml-validate it is skipped with a message on a
/// developer machine, but runs (and fails) under CI=true, where the test command installs the tool.
/// </summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="SchemaFactAttribute"/> class.</summary>
    public SchemaFactAttribute()
    {
        Skip = LibvirtSchema.SkipReason;
    }
}

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    /// <summary>Initializes a new instance of the <see cref="SchemaTheoryAttribute"/> class.</summary>
    public SchemaTheoryAttribute()
    {
        Skip = LibvirtSchema.SkipReason;
    }
}
