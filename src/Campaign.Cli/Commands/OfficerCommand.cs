using StackExchange.Redis;

namespace Campaign.Cli.Commands;

/// <summary><c>officer add|list|key|revoke|disable|enable</c>: the operator's way to create the first admin and manage keys.</summary>
internal static class OfficerCommand
{
    public const string Usage = """
        usage: campaign officer <command>

          add --name NAME --role officer|approver|admin --areas CODE[,CODE] [--content DIR]
              Adds an officer and prints their API key on stdout, ONCE: store it at once (a password
              manager); it is kept only as a hash and cannot be shown again. Areas are codes from
              content/areas.yaml; a province covers its communes and hamlets. Only an admin may
              have --areas '*' (every area).
          list [--json]
              Officers with role, areas, status and key ids (the public start of each key; never keys).
          key OFFICER_ID
              Issues another key for the officer (rotation; revoke the old one after). Printed once.
          revoke KEY_ID | OFFICER_ID
              Revokes one key (key ids start with cmp_, see list), or every key of an officer (off_...).
          disable OFFICER_ID | enable OFFICER_ID
              Refuses every key of the officer at once, or accepts them again.

        Redis from ConnectionStrings__Redis (default 127.0.0.1:6379) and Redis__KeyPrefix.
        Every command is written to the audit log as cli:<your user name>.
        """;

    public static async Task<int> RunAsync(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var command = args.Word(1) ?? throw new CliUsageException(Usage);
        if (command is not ("add" or "list" or "key" or "revoke" or "disable" or "enable"))
        {
            throw new CliUsageException($"officer: unknown command '{command}'\n" + Usage);
        }

        try
        {
            await using var session = await OfficerCommandContext.ConnectAsync();
            return command switch
            {
                "add" => await OfficerAddCommand.RunAsync(args, session),
                "list" => await OfficerListCommand.RunAsync(args, session),
                "key" => await OfficerKeyCommand.RunAsync(args, session),
                "revoke" => await OfficerRevokeCommand.RunAsync(args, session),
                _ => await OfficerStatusCommand.RunAsync(args, session, disable: command == "disable"),
            };
        }
        catch (RedisConnectionException ex)
        {
            Console.Error.WriteLine($"Redis is not reachable ({ex.FailureType}): start it with ./campaign up, or set ConnectionStrings__Redis");
            return 1;
        }
    }
}
