using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;

namespace Campaign.Core.Fanout;

/// <summary>
/// The nightly hours (22:00–07:00 in Asia/Ho_Chi_Minh by default) when campaign messages on a
/// channel wait: deferred to the opening, never dropped.
/// </summary>
public sealed class QuietHours(FanoutOptions options)
{
    public bool Applies(Channel channel) => options.QuietHoursChannels.Contains(channel.Key(), StringComparer.Ordinal);

    /// <summary>When sending may resume, or null when <paramref name="now"/> is not in quiet hours on this channel.</summary>
    public DateTimeOffset? OpensAt(Channel channel, DateTimeOffset now)
    {
        if (!Applies(channel) || options.QuietHoursStart == options.QuietHoursEnd)
        {
            return null;
        }
        var local = CampaignSchedule.ToLocal(now);
        var time = TimeOnly.FromDateTime(local);
        var (start, end) = (options.QuietHoursStart, options.QuietHoursEnd);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }
        var openingDay = start > end && time >= start ? local.Date.AddDays(1) : local.Date;
        return CampaignSchedule.ToInstant(openingDay + end.ToTimeSpan());
    }
}
