using Campaign.Cli.Commands;

// The .NET half of ./campaign. Each command prints its own usage on --help.
return await CliApp.RunAsync(args);
