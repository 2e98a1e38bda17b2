using Campaign.Core.Areas;
using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;

namespace Campaign.Core.Fanout;

/// <summary>
/// Whether a subscriber is in a campaign's audience: subscribed, on one of its channels (never web
/// chat, whose sessions cannot be pushed to), in or below one of its areas, following one of its
/// topics (a subscriber with no topics follows all), reading its language. Area answers are cached
/// per code: a million subscribers live in a few thousand areas.
/// </summary>
public sealed class AudienceFilter
{
    private readonly HashSet<Channel> _channels;
    private readonly IReadOnlyList<string> _areas;
    private readonly HashSet<string> _topics;
    private readonly string _language;
    private readonly AreaDirectory _directory;
    private readonly Dictionary<string, bool> _areaCache = new(StringComparer.Ordinal);

    public AudienceFilter(Audience audience, AreaDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(audience);
        _channels = [.. audience.Channels.Where(c => c != Channel.WebChat)];
        _areas = audience.AreaCodes;
        _topics = new HashSet<string>(audience.Topics, StringComparer.Ordinal);
        _language = audience.Language;
        _directory = directory;
    }

    public bool Matches(in SubscriberRow row) =>
        row.Status == SubscriberStatus.Subscribed
        && _channels.Contains(row.Channel)
        && row.Language == _language
        && InArea(row.AreaCode)
        && FollowsTopic(row.Themes);

    private bool InArea(string? code)
    {
        if (code is null)
        {
            return false;   // a subscriber whose area is unknown is in no area's audience
        }
        if (!_areaCache.TryGetValue(code, out var inside))
        {
            inside = _areas.Any(target => _directory.IsWithin(code, target));
            _areaCache[code] = inside;
        }
        return inside;
    }

    private bool FollowsTopic(IReadOnlyList<string> themes)
    {
        if (_topics.Count == 0 || themes.Count == 0)
        {
            return true;
        }
        foreach (var theme in themes)
        {
            if (_topics.Contains(theme))
            {
                return true;
            }
        }
        return false;
    }
}
