using Campaign.Core.Conversations;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>The field layout of a subscriber's Redis hash, and its conversion to <see cref="Subscriber"/>.</summary>
internal static class SubscriberHash
{
    public static string StatusKey(SubscriberStatus status) => status switch
    {
        SubscriberStatus.Contact => "contact",
        SubscriberStatus.Subscribed => "subscribed",
        SubscriberStatus.OptedOut => "optedout",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static SubscriberStatus ParseStatus(string? key) => key switch
    {
        "subscribed" => SubscriberStatus.Subscribed,
        "optedout" => SubscriberStatus.OptedOut,
        _ => SubscriberStatus.Contact,
    };

    /// <summary>From a script's flat HGETALL reply: name, value, name, value ...</summary>
    public static Subscriber Parse(long id, RedisResult[] flat)
    {
        var fields = new Dictionary<string, string>(flat.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            fields[(string)flat[i]!] = (string)flat[i + 1]!;
        }
        return Parse(id, fields);
    }

    public static Subscriber Parse(long id, HashEntry[] entries) =>
        Parse(id, entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal));

    private static Subscriber Parse(long id, Dictionary<string, string> f)
    {
        var channel = ChannelExtensions.TryParse(f.GetValueOrDefault("ch"), out var known) ? known
            : throw new InvalidOperationException($"subscriber {id} has an unknown channel '{f.GetValueOrDefault("ch")}'");
        Consent? consent = f.TryGetValue("consent_at", out var at)
            ? new Consent(Time(at), f.GetValueOrDefault("consent_via", ""), NullIfEmpty(f.GetValueOrDefault("consent_evidence")))
            : null;
        return new Subscriber
        {
            Id = id,
            Channel = channel,
            Address = f.GetValueOrDefault("addr", ""),
            Status = ParseStatus(f.GetValueOrDefault("status")),
            AreaCode = NullIfEmpty(f.GetValueOrDefault("area")),
            Themes = f.TryGetValue("themes", out var themes) && themes.Length > 0 ? themes.Split(',') : [],
            Language = f.GetValueOrDefault("lang", "vi"),
            Consent = consent,
            CreatedAt = Time(f.GetValueOrDefault("created", "0")),
            LastInboundAt = f.TryGetValue("last_in", out var last) ? Time(last) : null,
        };
    }

    private static DateTimeOffset Time(string unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(unixMs, out var ms) ? ms : 0);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
