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

    /// <summary>Hash: one outgoing message (<see cref="Delivery.Delivery"/>), kept for the retention period.</summary>
    public string Delivery(string id) => $"{Prefix}dlv:{id}";

    /// <summary>String: the delivery id for a provider's message id (Twilio MessageSid), for receipts.</summary>
    public string DeliveryByProviderId(string provider, string providerMessageId) => $"{Prefix}dlv:pid:{provider}:{providerMessageId}";

    /// <summary>Stream: delivery ids waiting to be sent on a channel; consumer group "dispatch".</summary>
    public string Outbox(Channel channel) => $"{Prefix}out:{channel.Key()}";

    /// <summary>Sorted set: delivery ids to put back in the outbox at their score (unix ms).</summary>
    public string OutboxRetries(Channel channel) => $"{Prefix}out:{channel.Key()}:retry";

    /// <summary>Hash: messages and billed segments sent on a channel on one day (Asia/Ho_Chi_Minh), for cost reports.</summary>
    public string DailyUsage(Channel channel, DateOnly day) => $"{Prefix}usage:{channel.Key()}:{day:yyyy-MM-dd}";

    /// <summary>Set: addresses never to contact (E.164 for SMS), imported by officers and checked at send time.</summary>
    public string DoNotContact => Prefix + "dnc";

    /// <summary>String: the next free send slot (unix ms) of a provider, shared by every instance.</summary>
    public string SendPace(string provider) => $"{Prefix}pace:{provider}";

    /// <summary>String: an inbound webhook already handled (or being handled), with the answer it got.</summary>
    public string InboundSeen(string provider, string messageId) => $"{Prefix}in:{provider}:{messageId}";

    /// <summary>Stream: what one simulated phone sent and received (the SMS simulator), capped.</summary>
    public string SimulatorPhone(string e164) => $"{Prefix}sim:phone:{e164}";

    /// <summary>Sorted set: simulated phones by last activity (unix ms).</summary>
    public string SimulatorPhones => Prefix + "sim:phones";

    /// <summary>Pub/sub channel: new messages on one simulated phone, for its open pages.</summary>
    public string SimulatorLive(string e164) => $"{Prefix}sim:live:{e164}";

    /// <summary>String (JSON): the Bot Framework ConversationReference for a subscriber's address, for replies and proactive messages.</summary>
    public string ConversationReference(string address) => $"{Prefix}bf:ref:{address}";

    /// <summary>Hash: the Zalo OA access token, its expiry (unix ms) and the current (rotating) refresh token.</summary>
    public string ZaloTokens => Prefix + "zalo:tokens";

    /// <summary>String: held by the one instance refreshing the Zalo token, so two never spend the same refresh token.</summary>
    public string ZaloTokenRefreshLock => Prefix + "zalo:tokens:lock";

    /// <summary>Stream: what one web chat session said and was told, capped.</summary>
    public string WebChatSession(string sessionId) => $"{Prefix}webchat:{sessionId}";

    /// <summary>String (JSON, <see cref="Campaigns.CampaignJson"/>): one campaign. The save script touches it with the
    /// campaign index keys below, so in Cluster mode they share a slot through <see cref="Prefix"/>.</summary>
    public string Campaign(string id) => $"{Prefix}camp:{id}";

    /// <summary>Counter handing out campaign ids.</summary>
    public string CampaignSequence => Prefix + "camp:seq";

    /// <summary>Set of the ids of campaigns in one status.</summary>
    public string CampaignsByStatus(Campaigns.CampaignStatus status) => $"{Prefix}camp:idx:status:{Campaigns.CampaignStatusExtensions.Key(status)}";

    /// <summary>Set of the ids of one officer's campaigns.</summary>
    public string CampaignsByOwner(string ownerId) => $"{Prefix}camp:idx:owner:{ownerId}";

    /// <summary>Sorted set: campaign ids by last update (unix ms).</summary>
    public string CampaignsByUpdate => Prefix + "camp:idx:updated";

    /// <summary>Pub/sub channel: a campaign was created or changed (<see cref="Campaigns.CampaignChange"/>), so every scheduler resyncs it.</summary>
    public string CampaignChanges => Prefix + "camp:changed";

    /// <summary>String (JSON): one officer (<see cref="Campaign.Core.Officers.Officer"/>).</summary>
    public string Officer(string officerId) => $"{Prefix}officer:{officerId}";

    /// <summary>Sorted set: officer ids by creation time (unix ms).</summary>
    public string AllOfficers => Prefix + "officer:all";

    /// <summary>Hash: SHA-256 of an API key → JSON of its <see cref="Campaign.Core.Officers.ApiKeyInfo"/>; the key itself is never stored.</summary>
    public string OfficerApiKeys => Prefix + "officer:apikeys";

    /// <summary>Hash: API key id (the key's public first characters) → its SHA-256, for revocation.</summary>
    public string OfficerApiKeyIds => Prefix + "officer:apikeyids";

    /// <summary>Set: the key ids one officer has been given.</summary>
    public string OfficerApiKeysOf(string officerId) => $"{Prefix}officer:{officerId}:keys";

    /// <summary>Stream: the audit log of officers' and operators' actions, capped (Audit:MaxLength).</summary>
    public string AuditLog => Prefix + "audit";
}
