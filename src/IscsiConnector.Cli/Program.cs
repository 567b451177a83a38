using IscsiConnector.Cli;

return await CliApplication.RunAsync(args);
