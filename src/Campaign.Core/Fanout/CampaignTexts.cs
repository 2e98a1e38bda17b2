using System.Collections.Concurrent;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Text;

namespace Campaign.Core.Fanout;

/// <summary>A campaign message as sent, and its billed SMS segments (1 for chat).</summary>
public sealed record CampaignText(string Text, int Segments);

/// <summary>
/// The text a campaign sends to one recipient: the campaign's own message in its audience's language,
/// or the drip step's, for the channel (SMS through the <see cref="SmsRenderer"/>), with placeholders
/// filled for the recipient's area. Cached per (occurrence, step, channel, area): a chunk of a
/// thousand recipients needs a handful of distinct texts.
/// </summary>
public sealed class CampaignTexts(ContentStore content, SmsRenderer renderer)
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<(string Occurrence, int Step, Channel Channel, string Area), CampaignText> _cache = new();

    /// <summary>The text, or null when the campaign has none for this channel (its step is gone from content, say).</summary>
    public CampaignText? For(CampaignRecord campaign, string occurrenceId, int step, Channel channel, string? areaCode)
    {
        var key = (occurrenceId, step, channel, areaCode ?? "");
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var text = Render(campaign, step, channel, areaCode);
        if (text is not null)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }
            _cache[key] = text;
        }
        return text;
    }

    private CampaignText? Render(CampaignRecord campaign, int step, Channel channel, string? areaCode)
    {
        var current = content.Current;
        TextTemplate? template;
        if (step >= 0)
        {
            var steps = campaign.SeriesId is { } seriesId ? current.FindSeries(seriesId)?.Steps : null;
            template = steps is not null && step < steps.Count ? (channel.IsSms() ? steps[step].Sms : steps[step].Chat) : null;
        }
        else
        {
            var message = campaign.Message?.GetValueOrDefault(campaign.Audience.Language);
            var source = message is null ? null : channel.IsSms() ? message.Sms : message.Chat;
            template = string.IsNullOrWhiteSpace(source) ? null : TextTemplate.Parse(source);
        }
        if (template is null)
        {
            return null;
        }
        var filled = AreaPlaceholders.Fill(current, template, areaCode);
        if (!channel.IsSms())
        {
            return new CampaignText(filled.Trim(), 1);
        }
        var sms = renderer.Render(filled);
        return new CampaignText(sms.Text, sms.Segments);
    }
}
