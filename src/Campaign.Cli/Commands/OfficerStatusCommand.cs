namespace Campaign.Cli.Commands;

/// <summary><c>officer disable|enable OFFICER_ID</c>: every key of the officer refused, or accepted again, from the next request on.</summary>
internal static class OfficerStatusCommand
{
    public static async Task<int> RunAsync(CliArgs args, OfficerCommandContext session, bool disable)
    {
        var verb = disable ? "disable" : "enable";
        var officerId = args.Word(2) ?? throw new CliUsageException($"officer {verb}: give the officer id (see officer list)");
        var officer = await session.Officers.SetDisabledAsync(officerId, disable);
        if (officer is null)
        {
            Console.Error.WriteLine($"no officer {officerId} (see ./campaign officer list)");
            return 1;
        }
        await session.AuditAsync("officer." + verb, "officer:" + officerId);
        Console.WriteLine($"{officer.Id} ({officer.Name}) is {(officer.Disabled ? "disabled: all their keys are refused" : "enabled: their unrevoked keys work again")}");
        return 0;
    }
}
