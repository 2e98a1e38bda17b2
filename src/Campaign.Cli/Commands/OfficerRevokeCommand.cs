using System.Globalization;
using Campaign.Core.Officers;

namespace Campaign.Cli.Commands;

/// <summary><c>officer revoke KEY_ID|OFFICER_ID</c>: one key, or all of an officer's keys; refused from the next request on.</summary>
internal static class OfficerRevokeCommand
{
    public static async Task<int> RunAsync(CliArgs args, OfficerCommandContext session)
    {
        var id = args.Word(2) ?? throw new CliUsageException("officer revoke: give a key id (cmp_...) or an officer id (off_...); see officer list");
        if (id.StartsWith(Officer.IdPrefix, StringComparison.Ordinal))
        {
            if (await session.Officers.GetAsync(id) is null)
            {
                Console.Error.WriteLine($"no officer {id} (see ./campaign officer list)");
                return 1;
            }
            var revoked = await session.Officers.RevokeAllKeysAsync(id);
            await session.AuditAsync("officer.key.revoke_all", "officer:" + id, details: new Dictionary<string, string>
            {
                ["keys"] = string.Join(',', revoked.Select(k => k.KeyId)),
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"revoked {revoked.Count} key(s) of {id}{(revoked.Count == 0 ? " (none was active)" : "")}"));
            return 0;
        }
        if (!id.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) || id.Length < ApiKeys.KeyIdLength)
        {
            throw new CliUsageException($"officer revoke: '{id}' is neither a key id (cmp_ and 8 characters) nor an officer id (off_...)");
        }
        // A whole key pasted by mistake still names its key.
        var keyId = ApiKeys.KeyIdOf(id);
        var key = await session.Officers.RevokeKeyAsync(keyId);
        if (key is null)
        {
            Console.Error.WriteLine($"no key {keyId} (see ./campaign officer list)");
            return 1;
        }
        await session.AuditAsync("officer.key.revoke", "apikey:" + keyId, details: new Dictionary<string, string> { ["officer"] = key.OfficerId });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"key {keyId} of {key.OfficerId} is revoked (since {key.RevokedAt:yyyy-MM-dd HH:mm} UTC)"));
        return 0;
    }
}
