using Campaign.Core.Officers;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Cli.Commands;

/// <summary>What the officer commands share: Redis, the officer store, and the audit log with the operator as actor.</summary>
internal sealed class OfficerCommandContext : IAsyncDisposable
{
    /// <summary>The role operators act in; they are not officers, they run the system.</summary>
    public const string OperatorRole = "operator";

    private readonly ConnectionMultiplexer _redis;
    private readonly AuditLog _audit;

    private OfficerCommandContext(ConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        Officers = new OfficerStore(redis, keys, TimeProvider.System);
        var maxLength = int.TryParse(Environment.GetEnvironmentVariable("Audit__MaxLength"), out var configured) && configured >= 1
            ? configured
            : new AuditOptions().MaxLength;
        _audit = new AuditLog(redis, keys, TimeProvider.System, new AuditOptions { MaxLength = maxLength });
    }

    public OfficerStore Officers { get; }

    /// <summary>"cli:" and the operating-system user, so the audit log says which operator did it.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    public static async Task<OfficerCommandContext> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:6379");
        options.ConnectTimeout = 3000;
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        return new OfficerCommandContext(redis, new RedisKeys(Environment.GetEnvironmentVariable("Redis__KeyPrefix") ?? ""));
    }

    public Task AuditAsync(string action, string target, AuditOutcome outcome = AuditOutcome.Allowed, IReadOnlyDictionary<string, string>? details = null) =>
        _audit.RecordAsync(new AuditEntry(Actor, OperatorRole, action, target, outcome, details));

    /// <summary>Prints a new key: the key alone on stdout (so it can be piped), the warning on stderr.</summary>
    public static void PrintNewKey(NewApiKey key)
    {
        Console.Error.WriteLine($"API key {key.KeyId}… follows. It is shown only this once and stored only as a hash:");
        Console.Error.WriteLine("store it now (a password manager) and give it to the officer privately; if it is lost, issue another.");
        Console.WriteLine(key.Secret);
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
