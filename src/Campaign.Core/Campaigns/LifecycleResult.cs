using System.Diagnostics.CodeAnalysis;

namespace Campaign.Core.Campaigns;

/// <summary>The campaign after a lifecycle move, or why the move was refused.</summary>
public sealed class LifecycleResult
{
    private LifecycleResult(CampaignRecord? campaign, LifecycleError? error)
    {
        Campaign = campaign;
        Error = error;
    }

    /// <summary>The changed campaign (same <see cref="CampaignRecord.Version"/>: saving increments it).</summary>
    public CampaignRecord? Campaign { get; }

    public LifecycleError? Error { get; }

    [MemberNotNullWhen(true, nameof(Campaign))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Campaign is not null;

    public static LifecycleResult Success(CampaignRecord campaign) => new(campaign ?? throw new ArgumentNullException(nameof(campaign)), null);

    public static LifecycleResult Failure(LifecycleError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    public override string ToString() => Succeeded ? $"{Campaign.Id} → {Campaign.Status.Key()}" : Error.ToString();
}
