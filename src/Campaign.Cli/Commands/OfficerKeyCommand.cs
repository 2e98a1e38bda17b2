namespace Campaign.Cli.Commands;

/// <summary><c>officer key OFFICER_ID</c>: another key for an officer, for rotation or a lost key.</summary>
internal static class OfficerKeyCommand
{
    public static async Task<int> RunAsync(CliArgs args, OfficerCommandContext session)
    {
        var officerId = args.Word(2) ?? throw new CliUsageException("officer key: give the officer id (see officer list)");
        var officer = await session.Officers.GetAsync(officerId);
        var key = officer is null ? null : await session.Officers.IssueKeyAsync(officerId);
        if (officer is null || key is null)
        {
            Console.Error.WriteLine($"no officer {officerId} (see ./campaign officer list)");
            return 1;
        }
        await session.AuditAsync("officer.key.issue", "officer:" + officerId, details: new Dictionary<string, string> { ["key"] = key.KeyId });
        Console.Error.WriteLine($"new key for {officer.Id} ({officer.Name}); their other keys still work until revoked");
        if (officer.Disabled)
        {
            Console.Error.WriteLine("note: this officer is disabled, so the key is refused until ./campaign officer enable " + officer.Id);
        }
        OfficerCommandContext.PrintNewKey(key);
        return 0;
    }
}
