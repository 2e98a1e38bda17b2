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

    /// <summary>Counter handing out subscriber ids (dense, from 1).</summary>
    public string SubscriberSequence => Prefix + "sub:seq";

    /// <summary>
    /// Hash of 128 packed subscriber records (<see cref="Subscribers.SubscriberRecord"/>): field id &amp; 127,
    /// for ids with id >> 7 = <paramref name="bucket"/> (<see cref="Subscribers.SubscriberBuckets"/>).
    /// The subscriber scripts build the same name in Lua for ids they create.
    /// </summary>
    public string SubscriberRecords(long bucket) => $"{Prefix}sub:r:{bucket}";

    /// <summary>Hash: field id &amp; 127 → <c>{via}|{evidence}</c> of the subscriber's latest consent, for the same bucket.</summary>
    public string SubscriberConsents(long bucket) => $"{Prefix}sub:c:{bucket}";

    /// <summary>Hash: field id &amp; 127 → the resident's name, only when an import gave one.</summary>
    public string SubscriberNames(long bucket) => $"{Prefix}sub:n:{bucket}";

    /// <summary>
    /// Hash address → id for one channel, one of <see cref="Subscribers.AddressHash.Buckets"/> per
    /// channel, chosen by a stable hash of the address so each stays a small listpack.
    /// </summary>
    public string SubscriberAddresses(Channel channel, string address) => SubscriberAddresses(channel, Subscribers.AddressHash.Bucket(address));

    /// <summary>One address → id hash by its number (0 to <see cref="Subscribers.AddressHash.Buckets"/> - 1), for tools that walk them all.</summary>
    public string SubscriberAddresses(Channel channel, int addressBucket) => $"{Prefix}sub:a:{channel.Code()}:{addressBucket}";

    /// <summary>Hash: theme id → its short code in packed records (base 36 of <see cref="SubscriberThemeSequence"/>).</summary>
    public string SubscriberThemes => Prefix + "sub:themes";

    /// <summary>Counter handing out theme codes.</summary>
    public string SubscriberThemeSequence => Prefix + "sub:themes:seq";

    /// <summary>Hash: theme code → theme id, to decode records.</summary>
    public string SubscriberThemeIds => Prefix + "sub:themes:rev";

    /// <summary>
    /// Hash: <c>{area}|{channel code}</c> → how many subscribed residents are there ("" area: not known),
    /// kept exact by the same scripts that change statuses and areas.
    /// </summary>
    public string SubscriberCounts => Prefix + "sub:counts";

    /// <summary>Hash: residents who opted out on one local day (Asia/Ho_Chi_Minh), field <c>{area}|{channel code}</c>, with a TTL.</summary>
    public string OptOutsOfDay(DateOnly day) => $"{Prefix}stats:optouts:{day:yyyy-MM-dd}";

    /// <summary>Per-resident conversation state (offered choices), with a TTL.</summary>
    public string ConversationState(long subscriberId) => $"{Prefix}conv:{subscriberId}";

    /// <summary>Stream of questions the bot was not sure about, for the officers' inbox.</summary>
    public string UnansweredQuestions => Prefix + "faq:unanswered";

    /// <summary>String (JSON, <see cref="Inbox.InboxAnswer"/>): an officer's answer to a group of unanswered questions.</summary>
    public string InboxAnswer(string id) => $"{Prefix}faq:ans:{id}";

    /// <summary>Counter handing out inbox answer ids.</summary>
    public string InboxAnswerSequence => Prefix + "faq:ans:seq";

    /// <summary>Sorted set: inbox answer ids by proposal time (unix ms).</summary>
    public string InboxAnswers => Prefix + "faq:ans:all";

    /// <summary>Set: signatures (<see cref="Inbox.QuestionWords"/>) of questions an approved answer covers; they leave the inbox.</summary>
    public string InboxAnswered => Prefix + "faq:ans:answered";

    /// <summary>Pub/sub channel: an inbox answer was approved, so every instance lays the approved answers over its content again.</summary>
    public string FaqOverlayChanged => Prefix + "faq:overlay:changed";

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

    /// <summary>String: one officer's password hash (ASP.NET Core's PasswordHasher format), beside the officer's JSON so no officer view can carry it.</summary>
    public string OfficerPassword(string officerId) => $"{Prefix}officer:{officerId}:password";

    /// <summary>Hash: lower-case username → officer id; makes usernames unique, case-insensitively.</summary>
    public string OfficerUsernames => Prefix + "officer:usernames";

    /// <summary>Hash: failed console sign-ins for one (lower-case) username and when its lockout ends, shared by every instance.</summary>
    public string OfficerSignInFailures(string username) => $"{Prefix}officer:signin:{username}";

    /// <summary>List: the ASP.NET Core data-protection key ring (XML), so every instance reads the others' console cookies.</summary>
    public string DataProtectionKeys => Prefix + "dataprotection:keys";

    /// <summary>Stream: the audit log of officers' and operators' actions, capped (Audit:MaxLength).</summary>
    public string AuditLog => Prefix + "audit";

    /// <summary>Hash: one occurrence (<see cref="Occurrences.Occurrence"/>): status, claim, planning cursor, counters, chunk progress.</summary>
    public string Occurrence(string occurrenceId) => $"{Prefix}occ:{occurrenceId}";

    /// <summary>Sorted set: one campaign's occurrence ids by scheduled fire time (unix ms).</summary>
    public string OccurrencesOf(string campaignId) => $"{Prefix}occ:idx:{campaignId}";

    /// <summary>Sorted set: occurrences still planning or sending (score 0), watched for abandoned planning.</summary>
    public string OpenOccurrences => Prefix + "occ:open";

    /// <summary>Bitmap: bit = subscriber id, set when the occurrence hands that subscriber's message to a provider (at most once).</summary>
    public string OccurrenceSent(string occurrenceId) => $"{Prefix}occ:{occurrenceId}:sent";

    /// <summary>
    /// Hash: what the occurrence did minute by minute, field <c>{unix minute}:{sent|failed|skipped}</c> → how many
    /// in that minute, written by the fan-out scripts with the sent bitmap's TTL; the console sums them into a chart.
    /// </summary>
    public string OccurrenceTimeline(string occurrenceId) => $"{Prefix}occ:{occurrenceId}:tl";

    /// <summary>Hash: receipt status of the occurrence's recipients in one id bucket (id &gt;&gt; 7), written only when a receipt arrives.</summary>
    public string OccurrenceReceipts(string occurrenceId, long bucket) => $"{Prefix}occ:{occurrenceId}:rs:{bucket}";

    /// <summary>Stream: chunks of campaign recipients waiting to be sent on a channel; consumer group "bulk".</summary>
    public string BulkOutbox(Channel channel) => $"{Prefix}bulk:{channel.Key()}";

    /// <summary>Sorted set: chunks put aside until their score (unix ms): quiet hours, a paused campaign, retries.</summary>
    public string BulkLater(Channel channel) => $"{Prefix}bulk:{channel.Key()}:later";

    /// <summary>Key prefix of the per-bucket frequency records (<c>fc:{id &gt;&gt; 7}</c>), built inside the send scripts.</summary>
    public string FrequencyPrefix => Prefix + "fc:";
}
