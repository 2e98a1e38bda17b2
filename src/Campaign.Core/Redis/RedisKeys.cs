using Campaign.Core.Conversations;

namespace Campaign.Core.Redis;

/// <summary>
/// Every Redis key the system uses, in one place. Subscriber keys are short because there are
/// millions; the id inside a key is the subscriber's dense integer id.
/// <para>
/// Redis Cluster: the subscriber scripts touch <c>sub:*</c> keys together, so in Cluster mode all of
/// them must share a hash slot; this is what <see cref="Prefix"/> is for (set it to a hash tag such as
/// "{c}:"). On a single primary with replicas (Sentinel), the default empty prefix is right.
/// </para>
/// </summary>
public sealed class RedisKeys(string prefix = "")
{
    public string Prefix { get; } = prefix;

    /// <summary>Counter handing out subscriber ids.</summary>
    public string SubscriberSequence => Prefix + "sub:seq";

    /// <summary>Hash address → id, one per channel.</summary>
    public string SubscriberByAddress(Channel channel) => $"{Prefix}sub:addr:{channel.Key()}";

    /// <summary>Hash with one subscriber's fields.</summary>
    public string Subscriber(long id) => $"{Prefix}sub:{id}";

    /// <summary>Set of ids currently subscribed (receive campaigns).</summary>
    public string SubscribedSet => Prefix + "sub:idx:subscribed";

    /// <summary>Set of ids that opted out; checked again at send time.</summary>
    public string OptedOutSet => Prefix + "sub:idx:optout";

    /// <summary>Set of subscribed ids on one channel.</summary>
    public string ChannelSet(Channel channel) => $"{Prefix}sub:idx:ch:{channel.Key()}";

    /// <summary>Set of subscribed ids whose area is exactly this code.</summary>
    public string AreaSet(string areaCode) => $"{Prefix}sub:idx:area:{areaCode}";

    /// <summary>Per-resident conversation state (offered choices), with a TTL.</summary>
    public string ConversationState(long subscriberId) => $"{Prefix}conv:{subscriberId}";

    /// <summary>Stream of questions the bot was not sure about, for the officers' inbox.</summary>
    public string UnansweredQuestions => Prefix + "faq:unanswered";
}
