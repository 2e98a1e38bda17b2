using System.Globalization;
using System.Text.Json;
using Campaign.Core.Officers;

namespace Campaign.Cli.Commands;

/// <summary><c>officer list [--json]</c>: every officer with their key ids; keys themselves are not stored, so never shown.</summary>
internal static class OfficerListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(CliArgs args, OfficerCommandContext session)
    {
        var officers = await session.Officers.ListAsync();
        var rows = new List<(Officer Officer, IReadOnlyList<ApiKeyInfo> Keys)>();
        foreach (var officer in officers)
        {
            rows.Add((officer, await session.Officers.KeysOfAsync(officer.Id)));
        }
        await session.AuditAsync("officer.list", "officers");

        if (args.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                id = r.Officer.Id,
                name = r.Officer.Name,
                role = r.Officer.Role.Key(),
                areas = r.Officer.Scope.Codes,
                disabled = r.Officer.Disabled,
                createdAt = r.Officer.CreatedAt,
                keys = r.Keys.Select(k => new { id = k.KeyId, createdAt = k.CreatedAt, revokedAt = k.RevokedAt }),
            }), Json));
            return 0;
        }

        if (rows.Count == 0)
        {
            Console.WriteLine("no officers yet: add the first admin with ./campaign officer add --name NAME --role admin --areas '*'");
            return 0;
        }
        Console.WriteLine($"{"ID",-16}  {"ROLE",-8}  {"STATUS",-8}  {"CREATED",-10}  {"AREAS",-20}  {"ACTIVE KEYS",-26}  NAME");
        foreach (var (officer, keys) in rows)
        {
            var active = keys.Where(k => !k.IsRevoked).Select(k => k.KeyId).ToArray();
            var revoked = keys.Count - active.Length;
            var keyText = (active.Length == 0 ? "none" : string.Join(',', active)) + (revoked > 0 ? $" (+{revoked} revoked)" : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{officer.Id,-16}  {officer.Role.Key(),-8}  {(officer.Disabled ? "disabled" : "active"),-8}  {officer.CreatedAt:yyyy-MM-dd}  {officer.Scope,-20}  {keyText,-26}  {officer.Name}"));
        }
        return 0;
    }
}
