using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Migration;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>migrate-xml</c> (spec 003 EX2/EX3): on the source host, the domain XML with every volume pointed at the destination's path.</summary>
internal static class MigrateXmlCommand
{
    public static Command Create()
    {
        var domainXml = new Option<string>("--domain-xml") { Description = "The domain XML ('virsh dumpxml --migratable'): a file, or '-' for standard input.", HelpName = "file|-", Required = true };
        var devicePaths = new Option<string>("--device-paths") { Description = "The destination device map ('device-paths' on the destination).", HelpName = "file", Required = true };
        var output = new Option<string?>("--output") { Description = "Also write the rewritten XML to this file (whole or not at all).", HelpName = "file" };
        var command = new Command("migrate-xml", "Rewrite a domain XML's volume disks for the destination host (block: source dev; libiscsi: name, host, auth). All or nothing.")
        {
            domainXml,
            devicePaths,
            output,
        };
        command.SetAction((result, _) => Guarded.RunAsync(() =>
        {
            var map = MigrationInputs.ReadMap(result.GetValue(devicePaths)!, "--device-paths");
            var xml = InputFiles.Read(result.GetValue(domainXml)!, "--domain-xml");
            DomainXmlRewrite rewrite;
            try
            {
                rewrite = DomainXmlRewriter.Rewrite(xml, map);
            }
            catch (LiveMigrationException ex) when (ex.Failure == LiveMigrationFailure.MalformedDomainXml)
            {
                throw new UsageException("--domain-xml: " + ex.Message, ex);
            }
            catch (LiveMigrationException ex)
            {
                JsonOutput.Write(w => MigrationJson.WriteError(w, ex));
                return Task.FromResult(Guarded.Fail(ExitCodes.MigrationMismatch, ex.Message));
            }

            var file = result.GetValue(output);
            if (file is not null)
            {
                MigrationInputs.WriteWhole(file, rewrite.Xml, "--output");
            }

            JsonOutput.Write(w => MigrationJson.WriteRewrite(w, rewrite, file));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
