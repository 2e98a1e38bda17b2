using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Officers;

/// <summary>
/// Officers and their API keys in Redis: each officer as JSON by id, each key by the SHA-256 of the
/// key (the key itself is never stored), key ids for revocation, and an index of officers by age.
/// Console officers also have a username (unique, case-insensitive, indexed) and a password hash,
/// kept in its own key beside the officer so that no officer read for display can carry it.
/// </summary>
/// <remarks>
/// Adding an officer or a key is one MULTI over several officer keys; under Redis Cluster they must
/// share a slot, which the hash-tag <see cref="RedisKeys.Prefix"/> gives. Keys and officers are
/// never deleted: revoked keys and disabled officers stay so the audit log can still name them.
/// </remarks>
public sealed class OfficerStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time)
{
    private const int IdBytes = 6;
    private const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Adds an officer with a first key; the key's secret is in the result and nowhere else.</summary>
    /// <exception cref="OfficerValidationException">The name, role or areas are not acceptable.</exception>
    public async Task<(Officer Officer, NewApiKey Key)> AddAsync(NewOfficer draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = draft.Problems();
        if (problems.Count > 0)
        {
            throw new OfficerValidationException(problems);
        }

        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var officer = new Officer(NewId(), draft.Name.Trim(), draft.Role, draft.Scope, now, Disabled: false);
            var key = ApiKeys.Generate();
            var tx = Db.CreateTransaction();
            tx.AddCondition(Condition.KeyNotExists(keys.Officer(officer.Id)));
            tx.AddCondition(Condition.HashNotExists(keys.OfficerApiKeyIds, key.KeyId));
            _ = tx.StringSetAsync(keys.Officer(officer.Id), Serialize(officer));
            _ = tx.SortedSetAddAsync(keys.AllOfficers, officer.Id, now.ToUnixTimeMilliseconds());
            QueueKey(tx, key, officer.Id, now);
            if (await tx.ExecuteAsync())
            {
                return (officer, key);
            }
            // An id or key id already taken (48 random bits each): draw again.
        }
        throw new InvalidOperationException("could not draw an unused officer id and key id");
    }

    /// <summary>
    /// Adds an officer who signs in to the console with <see cref="NewOfficer.Username"/> and a
    /// password (given here already hashed); no API key. Null when the username is taken.
    /// </summary>
    /// <exception cref="OfficerValidationException">The name, role, areas or username are not acceptable.</exception>
    public async Task<Officer?> AddWithPasswordAsync(NewOfficer draft, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var problems = draft.Problems().ToList();
        if (draft.Username is null)
        {
            problems.Add("username: give the officer a username to sign in with");
        }
        if (problems.Count > 0)
        {
            throw new OfficerValidationException(problems);
        }

        var username = OfficerUsername.Normalize(draft.Username);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await Db.HashExistsAsync(keys.OfficerUsernames, username))
            {
                return null;
            }
            var officer = new Officer(NewId(), draft.Name.Trim(), draft.Role, draft.Scope, now, Disabled: false, username);
            var tx = Db.CreateTransaction();
            tx.AddCondition(Condition.KeyNotExists(keys.Officer(officer.Id)));
            tx.AddCondition(Condition.HashNotExists(keys.OfficerUsernames, username));
            _ = tx.StringSetAsync(keys.Officer(officer.Id), Serialize(officer));
            _ = tx.StringSetAsync(keys.OfficerPassword(officer.Id), passwordHash);
            _ = tx.HashSetAsync(keys.OfficerUsernames, username, officer.Id);
            _ = tx.SortedSetAddAsync(keys.AllOfficers, officer.Id, now.ToUnixTimeMilliseconds());
            if (await tx.ExecuteAsync())
            {
                return officer;
            }
            // The username was taken meanwhile (checked again above), or the id drawn was.
        }
        throw new InvalidOperationException("could not draw an unused officer id");
    }

    /// <summary>The officer signing in as <paramref name="username"/> (any case) and their password hash; null when nobody has it.</summary>
    public async Task<(Officer Officer, string? PasswordHash)?> FindByUsernameAsync(string? username)
    {
        var normalized = OfficerUsername.Normalize(username);
        if (normalized.Length == 0)
        {
            return null;
        }
        var id = await Db.HashGetAsync(keys.OfficerUsernames, normalized);
        if (id.IsNull || await GetAsync(id.ToString()) is not { } officer)
        {
            return null;
        }
        return (officer, await GetPasswordHashAsync(officer.Id));
    }

    public async Task<string?> GetPasswordHashAsync(string officerId)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        var hash = await Db.StringGetAsync(keys.OfficerPassword(officerId));
        return hash.IsNull ? null : hash.ToString();
    }

    /// <summary>Replaces the officer's password hash; false when there is no such officer.</summary>
    public async Task<bool> SetPasswordHashAsync(string officerId, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var tx = Db.CreateTransaction();
        tx.AddCondition(Condition.KeyExists(keys.Officer(officerId)));
        _ = tx.StringSetAsync(keys.OfficerPassword(officerId), passwordHash);
        return await tx.ExecuteAsync();
    }

    /// <summary>True when some officer can sign in to the console: until then the first admin may be created.</summary>
    public async Task<bool> AnyWithUsernameAsync() => await Db.HashLengthAsync(keys.OfficerUsernames) > 0;

    /// <summary>Gives an existing officer another key (rotation); null when there is no such officer.</summary>
    public async Task<NewApiKey?> IssueKeyAsync(string officerId)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!await Db.KeyExistsAsync(keys.Officer(officerId)))
            {
                return null;
            }
            var key = ApiKeys.Generate();
            var tx = Db.CreateTransaction();
            tx.AddCondition(Condition.KeyExists(keys.Officer(officerId)));
            tx.AddCondition(Condition.HashNotExists(keys.OfficerApiKeyIds, key.KeyId));
            QueueKey(tx, key, officerId, now);
            if (await tx.ExecuteAsync())
            {
                return key;
            }
        }
        throw new InvalidOperationException("could not draw an unused key id");
    }

    /// <summary>
    /// Finds the officer a presented key belongs to. The lookup is by the key's SHA-256, so the
    /// secret is never compared character by character: the time a lookup takes depends only on the
    /// hash, which says nothing about any stored key.
    /// </summary>
    public async Task<KeyLookup> FindByKeyAsync(string? presented)
    {
        if (!ApiKeys.IsWellFormed(presented))
        {
            return new KeyLookup(KeyCheck.Malformed);
        }
        var stored = await Db.HashGetAsync(keys.OfficerApiKeys, ApiKeys.Hash(presented));
        if (stored.IsNull)
        {
            return new KeyLookup(KeyCheck.Unknown);
        }
        var key = ParseKey(stored);
        var officer = await GetAsync(key.OfficerId);
        return officer switch
        {
            null => new KeyLookup(KeyCheck.Unknown, null, key),
            _ when key.IsRevoked => new KeyLookup(KeyCheck.Revoked, officer, key),
            { Disabled: true } => new KeyLookup(KeyCheck.Disabled, officer, key),
            _ => new KeyLookup(KeyCheck.Valid, officer, key),
        };
    }

    public async Task<Officer?> GetAsync(string officerId)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        var json = await Db.StringGetAsync(keys.Officer(officerId));
        return json.IsNull ? null : ParseOfficer(json);
    }

    /// <summary>Every officer, oldest first, disabled ones included.</summary>
    public async Task<IReadOnlyList<Officer>> ListAsync()
    {
        var ids = await Db.SortedSetRangeByRankAsync(keys.AllOfficers);
        if (ids.Length == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync([.. ids.Select(id => (RedisKey)keys.Officer(id!))]);
        return [.. values.Where(v => !v.IsNull).Select(ParseOfficer)];
    }

    /// <summary>The officer's keys (ids and dates, never secrets), oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> KeysOfAsync(string officerId)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        var keyIds = await Db.SetMembersAsync(keys.OfficerApiKeysOf(officerId));
        if (keyIds.Length == 0)
        {
            return [];
        }
        var hashes = await Db.HashGetAsync(keys.OfficerApiKeyIds, keyIds);
        var known = hashes.Where(h => !h.IsNull).ToArray();
        var records = await Db.HashGetAsync(keys.OfficerApiKeys, known);
        return [.. records.Where(r => !r.IsNull).Select(ParseKey).OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)];
    }

    /// <summary>Revokes one key by its id; null when there is no such key. Revoking twice keeps the first date.</summary>
    public async Task<ApiKeyInfo?> RevokeKeyAsync(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var hash = await Db.HashGetAsync(keys.OfficerApiKeyIds, keyId);
        if (hash.IsNull)
        {
            return null;
        }
        var stored = await Db.HashGetAsync(keys.OfficerApiKeys, hash);
        if (stored.IsNull)
        {
            return null;
        }
        var key = ParseKey(stored);
        if (key.IsRevoked)
        {
            return key;
        }
        var revoked = key with { RevokedAt = time.GetUtcNow() };
        await Db.HashSetAsync(keys.OfficerApiKeys, hash, Serialize(revoked));
        return revoked;
    }

    /// <summary>Revokes every key of an officer; returns the keys revoked now (not the ones revoked before).</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> RevokeAllKeysAsync(string officerId)
    {
        var revoked = new List<ApiKeyInfo>();
        foreach (var key in await KeysOfAsync(officerId))
        {
            if (!key.IsRevoked && await RevokeKeyAsync(key.KeyId) is { } done)
            {
                revoked.Add(done);
            }
        }
        return revoked;
    }

    /// <summary>Disables (every key refused at once) or enables an officer; null when there is no such officer.</summary>
    public async Task<Officer?> SetDisabledAsync(string officerId, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(officerId);
        var key = keys.Officer(officerId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var json = await Db.StringGetAsync(key);
            if (json.IsNull)
            {
                return null;
            }
            var officer = ParseOfficer(json);
            if (officer.Disabled == disabled)
            {
                return officer;
            }
            var updated = officer with { Disabled = disabled };
            // Optimistic: written only if nobody changed the officer since it was read.
            var tx = Db.CreateTransaction();
            tx.AddCondition(Condition.StringEqual(key, json));
            _ = tx.StringSetAsync(key, Serialize(updated));
            if (await tx.ExecuteAsync())
            {
                return updated;
            }
        }
        throw new InvalidOperationException($"officer {officerId} kept changing; try again");
    }

    private void QueueKey(ITransaction tx, NewApiKey key, string officerId, DateTimeOffset now)
    {
        _ = tx.HashSetAsync(keys.OfficerApiKeys, key.Hash, Serialize(new ApiKeyInfo(key.KeyId, officerId, now, null)));
        _ = tx.HashSetAsync(keys.OfficerApiKeyIds, key.KeyId, key.Hash);
        _ = tx.SetAddAsync(keys.OfficerApiKeysOf(officerId), key.KeyId);
    }

    private static string NewId() => AuditSafeId.New(Officer.IdPrefix, IdBytes);

    private static string Serialize(Officer officer) => JsonSerializer.Serialize(
        new OfficerJson(officer.Id, officer.Name, officer.Role.Key(), [.. officer.Scope.Codes], officer.CreatedAt.ToUnixTimeMilliseconds(), officer.Disabled, officer.Username),
        Json);

    private static Officer ParseOfficer(RedisValue value)
    {
        var json = JsonSerializer.Deserialize<OfficerJson>(value.ToString(), Json)
            ?? throw new InvalidDataException("officer record is empty");
        if (!OfficerRoleExtensions.TryParse(json.Role, out var role) || !AreaScope.TryCreate(json.Areas, out var scope, out _))
        {
            throw new InvalidDataException($"officer {json.Id} has an unreadable role or areas");
        }
        return new Officer(json.Id, json.Name, role, scope, DateTimeOffset.FromUnixTimeMilliseconds(json.CreatedAt), json.Disabled, json.Username);
    }

    private static string Serialize(ApiKeyInfo key) => JsonSerializer.Serialize(
        new KeyJson(key.KeyId, key.OfficerId, key.CreatedAt.ToUnixTimeMilliseconds(), key.RevokedAt?.ToUnixTimeMilliseconds()),
        Json);

    private static ApiKeyInfo ParseKey(RedisValue value)
    {
        var json = JsonSerializer.Deserialize<KeyJson>(value.ToString(), Json)
            ?? throw new InvalidDataException("API key record is empty");
        return new ApiKeyInfo(
            json.KeyId,
            json.OfficerId,
            DateTimeOffset.FromUnixTimeMilliseconds(json.CreatedAt),
            json.RevokedAt is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
    }

    // Username is absent from officers stored before console sign-in, and from API-key-only ones.
    private sealed record OfficerJson(string Id, string Name, string Role, string[] Areas, long CreatedAt, bool Disabled, string? Username = null);

    private sealed record KeyJson(string KeyId, string OfficerId, long CreatedAt, long? RevokedAt);
}
