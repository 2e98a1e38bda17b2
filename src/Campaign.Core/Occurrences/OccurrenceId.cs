using System.Globalization;

namespace Campaign.Core.Occurrences;

/// <summary>
/// An occurrence's id: the campaign id and the scheduled fire instant (unix seconds), e.g.
/// <c>c42@1764043200</c>. Every instance's trigger computes the same scheduled instant, so the id is
/// what they race to claim.
/// </summary>
public static class OccurrenceId
{
    public static string For(string campaignId, DateTimeOffset fireAt) =>
        $"{campaignId}@{fireAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? id, out string campaignId, out DateTimeOffset fireAt)
    {
        campaignId = "";
        fireAt = default;
        var at = id?.LastIndexOf('@') ?? -1;
        if (at <= 0 || !long.TryParse(id.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        campaignId = id![..at];
        fireAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
