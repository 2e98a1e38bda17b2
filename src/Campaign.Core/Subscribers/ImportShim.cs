// ============================================================================================
// TEMPORARY — DELETE THIS FILE AT MERGE.
// The import types and SubscriberStore.ImportAsync / CountSubscribedByAreaAsync are being written
// inside SubscriberStore in another branch, with exactly these type shapes. This file lets the
// admin API build and be tested meanwhile: the extension methods below use only SubscriberStore's
// public methods, one resident at a time, and lose to the real instance methods once merged.
// ============================================================================================
using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>One resident to import (TEMPORARY copy, see the top of this file).</summary>
public sealed record SubscriberImportRow(Channel Channel, string Address, string? AreaCode, string? Name, IReadOnlyList<string> Themes);

/// <summary>What an import did to one resident (TEMPORARY copy, see the top of this file).</summary>
public enum ImportOutcome
{
    Created,
    Subscribed,
    Updated,
    KeptOptedOut,
}

/// <summary>Subscribed residents in one area on one channel (TEMPORARY copy, see the top of this file).</summary>
/// <param name="AreaCode">The area code; "" for residents without one.</param>
public sealed record AreaChannelCount(string AreaCode, Channel Channel, long Count);

/// <summary>TEMPORARY stand-ins for the SubscriberStore methods of the other branch; see the top of this file.</summary>
public static class SubscriberImportShim
{
    /// <summary>
    /// Imports rows in order. Opted-out residents are never re-subscribed (KeptOptedOut); names and
    /// themes are not stored here (SubscriberStore has no public way to set them yet).
    /// </summary>
    public static async Task<IReadOnlyList<ImportOutcome>> ImportAsync(this SubscriberStore store, IReadOnlyList<SubscriberImportRow> rows, Consent consent)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(consent);
        var outcomes = new List<ImportOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var existing = await store.FindAsync(row.Channel, row.Address);
            if (existing is null)
            {
                var (contact, _) = await store.TouchAsync(row.Channel, row.Address, consent.At);
                await store.SubscribeAsync(contact, consent, row.AreaCode);
                outcomes.Add(ImportOutcome.Created);
                continue;
            }
            switch (existing.Status)
            {
                case SubscriberStatus.OptedOut:
                    outcomes.Add(ImportOutcome.KeptOptedOut);
                    break;
                case SubscriberStatus.Subscribed:
                    await store.SubscribeAsync(existing, consent, row.AreaCode);
                    outcomes.Add(ImportOutcome.Updated);
                    break;
                default:
                    await store.SubscribeAsync(existing, consent, row.AreaCode);
                    outcomes.Add(ImportOutcome.Subscribed);
                    break;
            }
        }
        return outcomes;
    }

    /// <summary>Counts by reading every subscriber by id (ids are dense from 1): fine for tests, not for a million residents.</summary>
    public static async Task<IReadOnlyList<AreaChannelCount>> CountSubscribedByAreaAsync(this SubscriberStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = new Dictionary<(string Area, Channel Channel), long>();
        for (long id = 1; await store.GetAsync(id) is { } subscriber; id++)
        {
            if (subscriber.Status == SubscriberStatus.Subscribed)
            {
                var key = (subscriber.AreaCode ?? "", subscriber.Channel);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return [.. counts.Select(c => new AreaChannelCount(c.Key.Area, c.Key.Channel, c.Value))];
    }
}
