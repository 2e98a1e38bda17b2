using Campaign.Core.Officers;

namespace Campaign.Cli.Commands;

/// <summary><c>officer add --name N --role R --areas CODES</c>: a new officer and their first key.</summary>
internal static class OfficerAddCommand
{
    public static async Task<int> RunAsync(CliArgs args, OfficerCommandContext session)
    {
        var name = args.Option("--name") ?? throw new CliUsageException("officer add: --name is missing\n" + OfficerCommand.Usage);
        if (!OfficerRoleExtensions.TryParse(args.Option("--role"), out var role))
        {
            throw new CliUsageException("officer add: --role must be officer, approver or admin");
        }
        if (!AreaScope.TryParse(args.Option("--areas"), out var scope, out var error))
        {
            throw new CliUsageException($"officer add: --areas: {error}");
        }
        if (!scope.IsEverywhere)
        {
            // A mistyped code would give an officer who can reach nobody; catch it here.
            var areas = CliContent.Load(args).Areas;
            var unknown = scope.Codes.Where(code => areas.Find(code) is null).ToArray();
            if (unknown.Length > 0)
            {
                throw new CliUsageException($"officer add: --areas: no area {string.Join(", ", unknown)} in content/areas.yaml");
            }
        }

        try
        {
            var (officer, key) = await session.Officers.AddAsync(new NewOfficer(name, role, scope));
            await session.AuditAsync("officer.add", "officer:" + officer.Id, details: new Dictionary<string, string>
            {
                ["role"] = officer.Role.Key(),
                ["areas"] = officer.Scope.ToString(),
                ["key"] = key.KeyId,
            });
            Console.Error.WriteLine($"added {officer.Id}: {officer.Name}, {officer.Role.Key()}, areas {officer.Scope}");
            OfficerCommandContext.PrintNewKey(key);
            return 0;
        }
        catch (OfficerValidationException ex)
        {
            throw new CliUsageException("officer add: " + string.Join(Environment.NewLine + "  ", ex.Problems));
        }
    }
}
