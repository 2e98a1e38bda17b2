using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;

namespace CampaignBot.Console;

/// <summary>The answer to an audience estimate: an upper bound, said so in <see cref="TopicsApplied"/> and <see cref="Note"/>.</summary>
/// <param name="ByChannel">By channel key ("sms", "zalo" ...), each channel of the audience.</param>
public sealed record AudienceEstimateResponse(long Total, IReadOnlyDictionary<string, long> ByChannel, IReadOnlyList<AreaEstimate> ByArea, bool TopicsApplied, string Note)
{
    public const string UpperBound =
        "An upper bound: subscribed residents in these areas (and the areas below them) on these channels. Topics are not applied, "
        + "and the do-not-contact list, opt-outs since, quiet hours and the frequency cap apply only when sending.";

    public static AudienceEstimateResponse Of(AudienceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new(
            estimate.Total,
            estimate.ByChannel.ToDictionary(c => c.Key.Key(), c => c.Value, StringComparer.Ordinal),
            estimate.ByArea,
            estimate.TopicsApplied,
            UpperBound);
    }
}
