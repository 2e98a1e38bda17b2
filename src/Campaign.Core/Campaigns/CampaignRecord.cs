using System.Text.Json.Serialization;

namespace Campaign.Core.Campaigns;

/// <summary>
/// A campaign as stored: what its author defined, where it is in its lifecycle, and who moved it
/// there. Immutable; <see cref="CampaignLifecycle"/> returns changed copies and
/// <see cref="CampaignStore"/> saves them under optimistic concurrency on <see cref="Version"/>.
/// (Not named plain "Campaign": that is the root namespace, which would hide the type everywhere else.)
/// </summary>
public sealed record CampaignRecord
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>The author: the only one who may edit or submit it, and never its approver.</summary>
    public required string OwnerId { get; init; }

    public required Audience Audience { get; init; }

    /// <summary>Texts by language; null for a drip campaign (its texts are the series' steps).</summary>
    public IReadOnlyDictionary<string, MessageText>? Message { get; init; }

    public required Schedule Schedule { get; init; }
    public required CampaignStatus Status { get; init; }

    /// <summary>While <see cref="CampaignStatus.Paused"/>: the status <see cref="CampaignAction.Resume"/> returns to.</summary>
    public CampaignStatus? PausedFrom { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? SubmittedBy { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The most recent rejection, if any; the author reads it before resubmitting.</summary>
    public Rejection? LastRejection { get; init; }

    /// <summary>
    /// Incremented by every save; a save based on an older version is refused
    /// (<see cref="CampaignStore.UpdateAsync"/>). 0 before the first save.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The drip series, for a drip campaign.</summary>
    [JsonIgnore]
    public string? SeriesId => (Schedule as DripSchedule)?.SeriesId;

    /// <summary>The author's part, as an edit would send it.</summary>
    [JsonIgnore]
    public CampaignDefinition Definition => new(Title, Audience, Message, Schedule);

    /// <summary>The author's part replaced; lifecycle fields unchanged.</summary>
    public CampaignRecord With(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return this with { Title = definition.Title, Audience = definition.Audience, Message = definition.Message, Schedule = definition.Schedule };
    }
}
