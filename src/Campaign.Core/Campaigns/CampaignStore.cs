using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Campaigns;

/// <summary>
/// Campaigns in Redis: one JSON string per campaign, a set of ids per status and per owner, and a
/// sorted set by last update. Every write is one script that checks the version, updates the
/// indexes and publishes a <see cref="CampaignChange"/>, so every instance's scheduler can resync.
/// Pub/sub is not a queue: a listener that was disconnected must reload the active campaigns
/// (<see cref="ListAsync"/>) when it reconnects.
/// </summary>
public sealed class CampaignStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>Ids in <c>camp:*</c> that would collide with the store's own keys.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "seq", "idx", "changed" };

    private const int MaxIdLength = 64;
    private const int FetchBatch = 500;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>A new campaign id: a number from a counter, so officers can say "campaign 42".</summary>
    public async Task<string> NextIdAsync() =>
        (await Db.StringIncrementAsync(keys.CampaignSequence)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores a new campaign at version 1; <see cref="SaveOutcome.Conflict"/> (with the stored one) when the id is taken.</summary>
    public async Task<CampaignSave> CreateAsync(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        CheckId(campaign.Id);
        var stored = campaign with { Version = 1 };
        var created = (long)await Db.ScriptEvaluateAsync(
            CampaignScripts.Create,
            [keys.Campaign(stored.Id), keys.CampaignsByStatus(stored.Status), keys.CampaignsByOwner(stored.OwnerId), keys.CampaignsByUpdate],
            [CampaignJson.Serialize(stored), stored.Id, stored.UpdatedAt.ToUnixTimeMilliseconds(), keys.CampaignChanges, ChangeOf(stored)]);
        return created == 1
            ? new CampaignSave(SaveOutcome.Saved, stored)
            : new CampaignSave(SaveOutcome.Conflict, await GetAsync(stored.Id));
    }

    public async Task<CampaignRecord?> GetAsync(string id)
    {
        CheckId(id);
        var json = await Db.StringGetAsync(keys.Campaign(id));
        return json.IsNull ? null : CampaignJson.Deserialize(json.ToString());
    }

    /// <summary>
    /// Saves <paramref name="campaign"/> if the stored version is still <see cref="CampaignRecord.Version"/>
    /// (the version it was read at); the saved copy has the next version. Otherwise nothing changes
    /// and the result carries the campaign as stored. The owner of a campaign never changes.
    /// </summary>
    public async Task<CampaignSave> UpdateAsync(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        CheckId(campaign.Id);
        var saved = campaign with { Version = campaign.Version + 1 };
        var others = Enum.GetValues<CampaignStatus>().Where(s => s != saved.Status).Select(s => (RedisKey)keys.CampaignsByStatus(s));
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            CampaignScripts.Update,
            [keys.Campaign(saved.Id), keys.CampaignsByUpdate, keys.CampaignsByStatus(saved.Status), .. others],
            [
                campaign.Version,
                CampaignJson.Serialize(saved),
                saved.Id,
                saved.UpdatedAt.ToUnixTimeMilliseconds(),
                saved.OwnerId,
                keys.CampaignChanges,
                ChangeOf(saved),
            ]))!;
        return (long)result[0] switch
        {
            1 => new CampaignSave(SaveOutcome.Saved, saved),
            0 => new CampaignSave(SaveOutcome.Conflict, await GetAsync(saved.Id)),
            -1 => new CampaignSave(SaveOutcome.NotFound, null),
            _ => throw new InvalidOperationException($"campaign {saved.Id}: the owner of a campaign cannot change"),
        };
    }

    /// <summary>
    /// Reads the campaign, applies a lifecycle move and saves it, retrying on the fresh campaign when
    /// someone else saved first (the move's checks run again on what is really stored). For edits,
    /// whose content was based on a version the officer saw, use <see cref="UpdateAsync"/> instead
    /// and report the conflict. Null when there is no such campaign.
    /// </summary>
    /// <example><c>await store.TransitionAsync(id, c => lifecycle.Pause(c, actor))</c></example>
    public async Task<LifecycleResult?> TransitionAsync(string id, Func<CampaignRecord, LifecycleResult> move, int attempts = 5)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var current = await GetAsync(id);
        for (var attempt = 1; current is not null; attempt++)
        {
            var result = move(current);
            if (!result.Succeeded)
            {
                return result;
            }
            var save = await UpdateAsync(result.Campaign);
            if (save.Saved)
            {
                return LifecycleResult.Success(save.Campaign!);
            }
            if (attempt == attempts)
            {
                throw new InvalidOperationException($"campaign {id} changed under {attempts} attempts in a row to update it");
            }
            current = save.Campaign;
        }
        return null;
    }

    /// <summary>Campaigns in any of the statuses, most recently updated first (the scheduler's resync: Scheduled, Running, Paused).</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(params IEnumerable<CampaignStatus> statuses)
    {
        var sets = statuses.Distinct().Select(s => (RedisKey)keys.CampaignsByStatus(s)).ToArray();
        return sets.Length == 0 ? [] : Newest(await FetchAsync(await Db.SetCombineAsync(SetOperation.Union, sets)));
    }

    /// <summary>One officer's campaigns, most recently updated first.</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListByOwnerAsync(string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        return Newest(await FetchAsync(await Db.SetMembersAsync(keys.CampaignsByOwner(ownerId))));
    }

    /// <summary>A page of all campaigns, most recently updated first.</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListRecentAsync(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        if (take == 0)
        {
            return [];
        }
        var ids = await Db.SortedSetRangeByRankAsync(keys.CampaignsByUpdate, skip, skip + take - 1, Order.Descending);
        return await FetchAsync(ids);
    }

    /// <summary>
    /// Starts listening to campaign changes from every instance. The subscription is in place when
    /// this returns, so no later save is missed while connected; dispose it to stop.
    /// </summary>
    public Task<JsonSubscription<CampaignChange>> ListenAsync() =>
        JsonSubscription.OpenAsync<CampaignChange>(redis, keys.CampaignChanges, CampaignJson.Options);

    private async Task<List<CampaignRecord>> FetchAsync(RedisValue[] ids)
    {
        var campaigns = new List<CampaignRecord>(ids.Length);
        foreach (var batch in ids.Chunk(FetchBatch))
        {
            var values = await Db.StringGetAsync(batch.Select(id => (RedisKey)keys.Campaign(id.ToString())).ToArray());
            // A campaign can vanish between reading an index and reading it; skip it rather than fail the list.
            campaigns.AddRange(values.Where(v => !v.IsNull).Select(v => CampaignJson.Deserialize(v.ToString())));
        }
        return campaigns;
    }

    private static List<CampaignRecord> Newest(List<CampaignRecord> campaigns)
    {
        campaigns.Sort((a, b) => b.UpdatedAt.CompareTo(a.UpdatedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Id, b.Id));
        return campaigns;
    }

    private static string ChangeOf(CampaignRecord campaign) =>
        JsonSerializer.Serialize(new CampaignChange(campaign.Id, campaign.Version, campaign.Status), CampaignJson.Options);

    /// <summary>Ids are key parts: short, plain, and never one of the store's own key names.</summary>
    private static void CheckId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > MaxIdLength || Reserved.Contains(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"'{id}' is not a campaign id (ASCII letters, digits, '-' and '_', at most {MaxIdLength}; not seq, idx or changed)", nameof(id));
        }
    }
}
