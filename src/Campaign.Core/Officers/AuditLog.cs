using System.Globalization;
using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Officers;

/// <summary>
/// The audit log: a capped Redis stream, one entry per action. Entry ids carry the entry's time
/// (from the <see cref="TimeProvider"/>), so a time range is a range of ids; a clock that steps back
/// still appends, at the last entry's time.
/// </summary>
public sealed class AuditLog(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, AuditOptions options) : IAuditLog
{
    private const int PageSize = 500;
    private const int MaxActionLength = 80;
    private const int MaxTargetLength = 200;

    /// <summary>
    /// KEYS: stream. ARGV: at (unix ms), max length, actor, role, action, target, outcome, details.
    /// Ids are "at-*" unless that would go behind the newest entry; "*" if even that is refused.
    /// </summary>
    private const string AddScript = """
        local ms = tonumber(ARGV[1])
        local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        if top[1] then
          local topms = tonumber(string.match(top[1][1], '^(%d+)'))
          if topms > ms then ms = topms end
        end
        local id = string.format('%d-*', ms)
        local added = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], id,
          'at', ARGV[1], 'actor', ARGV[3], 'role', ARGV[4], 'action', ARGV[5], 'target', ARGV[6], 'outcome', ARGV[7], 'details', ARGV[8])
        if type(added) == 'table' and added.err then
          added = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*',
            'at', ARGV[1], 'actor', ARGV[3], 'role', ARGV[4], 'action', ARGV[5], 'target', ARGV[6], 'outcome', ARGV[7], 'details', ARGV[8])
        end
        return added
        """;

    public async Task<AuditRecord> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var clean = entry with
        {
            ActorId = AuditDetails.Text(entry.ActorId, MaxActionLength),
            Role = AuditDetails.Text(entry.Role, MaxActionLength),
            Action = AuditDetails.Text(entry.Action, MaxActionLength),
            Target = AuditDetails.Text(entry.Target, MaxTargetLength),
            Details = AuditDetails.Clean(entry.Details),
        };
        var at = time.GetUtcNow();
        var id = await redis.GetDatabase().ScriptEvaluateAsync(
            AddScript,
            [keys.AuditLog],
            [
                at.ToUnixTimeMilliseconds(),
                options.MaxLength,
                clean.ActorId,
                clean.Role,
                clean.Action,
                clean.Target,
                clean.Outcome.Key(),
                JsonSerializer.Serialize(clean.Details),
            ]);
        return new AuditRecord((string)id!, at, clean);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        var toMs = query.To?.ToUnixTimeMilliseconds();
        RedisValue max = query.Before is { } before
            ? "(" + (IsStreamId(before) ? before : throw new ArgumentException($"'{before}' is not an audit entry id", nameof(query)))
            : toMs?.ToString(CultureInfo.InvariantCulture) ?? "+";
        RedisValue min = query.From?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-";

        var found = new List<AuditRecord>();
        var db = redis.GetDatabase();
        while (found.Count < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await db.StreamRangeAsync(keys.AuditLog, min, max, PageSize, Order.Descending);
            foreach (var entry in page)
            {
                if (toMs is { } to && IdMilliseconds(entry.Id!) > to)
                {
                    continue;
                }
                var record = Parse(entry);
                if (Matches(record.Entry, query))
                {
                    found.Add(record);
                    if (found.Count == limit)
                    {
                        break;
                    }
                }
            }
            if (page.Length < PageSize)
            {
                break;
            }
            max = "(" + page[^1].Id;
        }
        return found;
    }

    /// <summary>How many entries the stream holds now.</summary>
    public async Task<long> CountAsync() => await redis.GetDatabase().StreamLengthAsync(keys.AuditLog);

    private static bool Matches(AuditEntry entry, AuditQuery query) =>
        (query.ActorId is null || entry.ActorId == query.ActorId)
        && (query.Target is null || entry.Target == query.Target)
        && (query.Action is null || entry.Action == query.Action);

    private static AuditRecord Parse(StreamEntry entry)
    {
        string Field(string name) => entry[name].ToString();
        var details = entry["details"] is { IsNullOrEmpty: false } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json.ToString()) ?? []
            : [];
        var at = long.TryParse(Field("at"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : IdMilliseconds(entry.Id!);
        return new AuditRecord(
            entry.Id!,
            DateTimeOffset.FromUnixTimeMilliseconds(at),
            new AuditEntry(Field("actor"), Field("role"), Field("action"), Field("target"), AuditOutcomeExtensions.ParseOutcome(Field("outcome")), details));
    }

    private static long IdMilliseconds(string id) => long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    private static bool IsStreamId(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < id.Length - 1 && id.Length <= 41
            && id.AsSpan(0, dash).ContainsAnyExceptInRange('0', '9') is false
            && id.AsSpan(dash + 1).ContainsAnyExceptInRange('0', '9') is false;
    }
}
