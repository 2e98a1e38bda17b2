using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using StackExchange.Redis;

namespace Campaign.Cli.Commands;

/// <summary>
/// <c>admin create --username U [--name N] [--password P]</c>: a console admin for every area, the
/// operator's way in before anyone can sign in. Refuses a username that exists; a generated
/// password is printed once, alone on stdout.
/// </summary>
internal static class AdminCommand
{
    public const string Usage = """
        usage: campaign admin create --username USERNAME [--name NAME] [--password PASSWORD]

          Creates a console admin (every area) who signs in at /console/login. Without --password a
          password is generated and printed ONCE on stdout: store it at once. Passwords have at least
          10 characters. Refuses (exit 1) if an officer already signs in as USERNAME.

        Redis from ConnectionStrings__Redis (default 127.0.0.1:6379) and Redis__KeyPrefix.
        Written to the audit log as cli:<your user name>.
        """;

    public static async Task<int> RunAsync(CliArgs args)
    {
        if (args.Flag("--help") || args.Word(1) is null)
        {
            Console.WriteLine(Usage);
            return args.Flag("--help") ? 0 : 2;
        }
        if (args.Word(1) != "create")
        {
            throw new CliUsageException($"admin: unknown command '{args.Word(1)}'\n" + Usage);
        }
        if (!OfficerUsername.TryParse(args.Option("--username"), out var username, out var usernameError))
        {
            throw new CliUsageException($"admin create: --{usernameError}\n" + Usage);
        }
        var given = args.Option("--password");
        if (given is not null && OfficerPasswordPolicy.Problem(given) is { } passwordError)
        {
            throw new CliUsageException($"admin create: --{passwordError}");
        }
        var password = given ?? OfficerPasswords.Generate();
        var name = args.Option("--name") ?? "Admin";

        try
        {
            await using var session = await OfficerCommandContext.ConnectAsync();
            Officer? officer;
            try
            {
                officer = await session.Officers.AddWithPasswordAsync(
                    new NewOfficer(name, OfficerRole.Admin, AreaScope.All, username), new OfficerPasswords().Hash(password));
            }
            catch (OfficerValidationException ex)
            {
                throw new CliUsageException("admin create: " + string.Join(Environment.NewLine + "  ", ex.Problems));
            }
            if (officer is null)
            {
                await session.AuditAsync("officer.create", "username:" + username, AuditOutcome.Failed,
                    new Dictionary<string, string> { ["reason"] = "username_taken" });
                Console.Error.WriteLine($"admin create: an officer already signs in as '{username}'; nothing changed.");
                return 1;
            }
            await session.AuditAsync("officer.create", "officer:" + officer.Id, details: new Dictionary<string, string>
            {
                ["username"] = username,
                ["role"] = "admin",
                ["areas"] = "*",
            });
            Console.Error.WriteLine($"created console admin {officer.Id}: {officer.Name}, username '{username}', every area");
            if (given is null)
            {
                Console.Error.WriteLine("Generated password follows. It is shown only this once and stored only as a hash:");
                Console.WriteLine(password);
            }
            return 0;
        }
        catch (RedisConnectionException ex)
        {
            Console.Error.WriteLine($"Redis is not reachable ({ex.FailureType}): start it with ./campaign up, or set ConnectionStrings__Redis");
            return 1;
        }
    }
}
