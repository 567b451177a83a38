using System.Diagnostics;

namespace IscsiConnector.Tests.Migration.Support;

/// <summary>
/// libvirt's own schema check: <c>virt-xml-validate FILE domain</c> (Debian package libvirt-clients, installed by
/// tests/system/run.sh's package list). Every XML the migration code writes goes through it.
/// </summary>
internal static class LibvirtSchema
{
    public const string Tool = "/usr/bin/virt-xml-validate";

    /// <summary>virt-xml-validate is a shell script around xmllint (libxml2-utils, only a Recommends of libvirt-clients).</summary>
    public const string Xmllint = "/usr/bin/xmllint";

    /// <summary>Why schema tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? Missing =>
        !File.Exists(Tool) ? $"{Tool} is not installed (apt-get install libvirt-clients libxml2-utils)"
        : !File.Exists(Xmllint) ? $"{Xmllint}, which virt-xml-validate runs, is not installed (apt-get install libxml2-utils)"
        : null;

    /// <summary>Why a schema test is skipped: only outside CI, and only when the validator is missing.</summary>
    public static string? SkipReason =>
        Missing is { } missing && Environment.GetEnvironmentVariable("CI") != "true" ? missing + "; skipped outside CI (with CI=true this fails)." : null;

    /// <summary>Validates a whole domain document; fails the test with the tool's output when libvirt rejects it.</summary>
    public static void AssertValidDomain(string domainXml)
    {
        if (Missing is { } missing)
        {
            // Reached only under CI=true (SchemaFact skips otherwise): a missing validator is a failure there.
            Assert.Fail(missing);
        }

        var file = Path.Combine(Path.GetTempPath(), $"iscsi-migration-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, domainXml);
        try
        {
            var start = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("domain");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0, "libvirt's domain schema must accept the XML; virt-xml-validate said: {0} {1}\n{2}", output.Result, errors, domainXml);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Wraps a lone <c>&lt;disk&gt;</c> in the smallest domain libvirt's schema accepts, then validates it.</summary>
    public static void AssertValidDisk(string diskXml) => AssertValidDomain(Domains.Wrap(diskXml));
}
