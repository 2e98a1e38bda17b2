using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>
/// Campaign messages through the bot's own dispatcher and <c>BotConnectorSender</c> to the stub
/// connector: the token from the client-credentials flow, and every connector answer mapped to what
/// becomes of the delivery, the provider and the resident.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class BotFrameworkDispatchTests(RedisServer redis)
{
    /// <summary>
    /// name; the connector's status, body and Retry-After; where the delivery ends (Queued: back in the
    /// outbox to be retried); whether the provider is paused; where the (subscribed) resident ends.
    /// </summary>
    public static TheoryData<string, int, string, string?, DeliveryStatus, bool, SubscriberStatus> Answers() => new()
    {
        { "200 with the activity id: sent", 200, "{\"id\":\"1:activity-9\"}", null, DeliveryStatus.Sent, false, SubscriberStatus.Subscribed },
        { "201: sent", 201, "{\"id\":\"1:activity-9\"}", null, DeliveryStatus.Sent, false, SubscriberStatus.Subscribed },
        { "500: retried later", 500, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"Internal\"}}", null, DeliveryStatus.Queued, false, SubscriberStatus.Subscribed },
        { "503 from a proxy, HTML: retried later", 503, "<html>busy</html>", null, DeliveryStatus.Queued, false, SubscriberStatus.Subscribed },
        { "429 with Retry-After: retried later", 429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}", "120", DeliveryStatus.Queued, false, SubscriberStatus.Subscribed },
        { "412: retried later", 412, "{\"error\":{\"code\":\"PreconditionFailed\",\"message\":\"try again\"}}", null, DeliveryStatus.Queued, false, SubscriberStatus.Subscribed },
        { "401: the provider is paused", 401, "{\"error\":{\"code\":\"BotNotRegistered\",\"message\":\"No registration found for this bot.\"}}", null, DeliveryStatus.Queued, true, SubscriberStatus.Subscribed },
        { "403 BotDisabledByAdmin: the provider is paused", 403, "{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"The tenant admin disabled this bot\"}}", null, DeliveryStatus.Queued, true, SubscriberStatus.Subscribed },
        { "403 ConversationBlockedByUser: failed, resident opted out", 403, "{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}", null, DeliveryStatus.Failed, false, SubscriberStatus.OptedOut },
        { "403 BotNotInConversationRoster: failed", 403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot isn't part of the conversation roster.\"}}", null, DeliveryStatus.Failed, false, SubscriberStatus.Subscribed },
        { "404 conversation gone: failed", 404, "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found.\"}}", null, DeliveryStatus.Failed, false, SubscriberStatus.Subscribed },
        { "400: failed", 400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid activity\"}}", null, DeliveryStatus.Failed, false, SubscriberStatus.Subscribed },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer(string name, int status, string body, string? retryAfter, DeliveryStatus deliveryStatus, bool paused, SubscriberStatus subscriberStatus)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        bot.Connector = _ => StubResponse.Json(status, body) with
        {
            Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
        };
        var user = BotFrameworkBot.NewUserId();
        var address = await bot.KnownResidentAsync(user);

        var queued = await bot.EnqueueAsync(address, "Xã họp dân tối thứ Sáu.");
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Attempts >= 1 && d.Status == deliveryStatus);

        Assert.True(delivery.Status == deliveryStatus, $"[{name}] delivery {delivery.Status}");
        Assert.Equal("botframework", delivery.Provider);
        var call = Assert.Single(bot.ConnectorCalls);
        Assert.Equal($"Bearer {BotFrameworkBot.AccessToken}", call.Authorization());
        if (deliveryStatus == DeliveryStatus.Sent)
        {
            Assert.Equal("1:activity-9", delivery.ProviderMessageId);
        }
        else
        {
            Assert.NotNull(delivery.ErrorCode);
            Assert.True(body.Contains(delivery.ErrorCode, StringComparison.Ordinal) || delivery.ErrorCode == $"http_{status}", $"[{name}] error code {delivery.ErrorCode}");
        }
        Assert.Equal(paused, bot.Host.Get<ProviderHealth>().Problem("botframework") is not null);
        Assert.Equal(subscriberStatus, (await bot.Subscribers.FindAsync(Channel.BotFramework, address))?.Status);
    }

    [Fact]
    public async Task One_token_is_fetched_and_reused_for_two_sends()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var address = await bot.KnownResidentAsync(BotFrameworkBot.NewUserId());

        var first = await bot.EnqueueAsync(address, "Tin thứ nhất.");
        var second = await bot.EnqueueAsync(address, "Tin thứ hai.");
        await bot.WaitForDeliveryAsync(first.Id, d => d.Status == DeliveryStatus.Sent);
        await bot.WaitForDeliveryAsync(second.Id, d => d.Status == DeliveryStatus.Sent);

        var token = Assert.Single(bot.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = BotFrameworkBot.AppId,
                ["client_secret"] = BotFrameworkBot.AppPassword,
                ["scope"] = "https://api.botframework.com/.default",
            },
            token.Form);
        Assert.Equal(2, bot.ConnectorCalls.Count);
        Assert.All(bot.ConnectorCalls, c => Assert.Equal($"Bearer {BotFrameworkBot.AccessToken}", c.Authorization()));
    }

    /// <summary>name; the token endpoint's status and body; whether the provider is paused. The connector is never called.</summary>
    public static TheoryData<string, int, string, bool> TokenFailures() => new()
    {
        { "invalid_client (wrong password): paused", 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}", true },
        { "400 unauthorized_client: paused", 400, "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: Application not found.\"}", true },
        { "503: retried later", 503, "{\"error\":\"temporarily_unavailable\"}", false },
        { "200 without a token: retried later", 200, "{}", false },
    };

    [Theory]
    [MemberData(nameof(TokenFailures))]
    public async Task Token_failure(string name, int status, string body, bool paused)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        bot.TokenEndpoint = _ => StubResponse.Json(status, body);
        var address = await bot.KnownResidentAsync(BotFrameworkBot.NewUserId());

        var queued = await bot.EnqueueAsync(address, "Xã họp dân.");
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Attempts >= 1 && d.Status == DeliveryStatus.Queued);

        Assert.True(delivery.ErrorCode?.StartsWith("token_", StringComparison.Ordinal), $"[{name}] error code {delivery.ErrorCode}");
        Assert.Empty(bot.ConnectorCalls);
        Assert.Equal(paused, bot.Host.Get<ProviderHealth>().Problem("botframework") is not null);
    }

    [Fact]
    public async Task No_conversation_reference_fails_the_delivery()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);

        var queued = await bot.EnqueueAsync(BotFrameworkBot.Address(BotFrameworkBot.NewUserId()), "Xã họp dân.");
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Failed);

        Assert.Equal("no_reference", delivery.ErrorCode);
        Assert.Equal("no conversation reference", delivery.Error);
        Assert.Empty(bot.ConnectorCalls);
    }

    [Fact]
    public async Task A_connector_that_cannot_be_reached_is_retried_later()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var address = await bot.KnownResidentAsync(BotFrameworkBot.NewUserId(), serviceUrl: $"http://127.0.0.1:{LoopbackPort.Free()}/");

        var queued = await bot.EnqueueAsync(address, "Xã họp dân.");
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Attempts >= 1 && d.Status == DeliveryStatus.Queued);

        Assert.Equal("connect_failed", delivery.ErrorCode);
    }

    [Fact]
    public async Task A_connector_that_takes_the_activity_and_does_not_answer_leaves_the_outcome_unknown()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis, settings: new Dictionary<string, string?> { ["Bot:RequestTimeout"] = "00:00:01" });
        bot.Connector = _ => StubResponse.Json(200, "{\"id\":\"late\"}") with { Delay = TimeSpan.FromSeconds(5) };
        var address = await bot.KnownResidentAsync(BotFrameworkBot.NewUserId());

        var queued = await bot.EnqueueAsync(address, "Xã họp dân.");
        var delivery = await bot.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Unknown);

        Assert.Equal("timeout", delivery.ErrorCode);
        Assert.Single(bot.ConnectorCalls);
    }

    [Fact]
    public async Task Without_a_last_activity_the_message_is_sent_to_the_conversation_with_its_choices()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var address = await bot.KnownResidentAsync(user, activityId: null);

        var queued = await bot.EnqueueAsync(address, "Tuần này có hai tin mới:", [new("Họp dân", "1"), new("Tiêm chủng", "2")]);
        await bot.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Sent);

        var call = Assert.Single(bot.ConnectorCalls);
        Assert.Equal($"/bf/v3/conversations/{BotFrameworkBot.Conversation(user)}/activities", call.PathAndQuery);
        var posted = PostedActivity.Of(call);
        Assert.Null(posted["replyToId"]);
        Assert.Equal(BotFrameworkBot.BotId, posted["from.id"]);
        Assert.Equal(user, posted["recipient.id"]);
        Assert.Equal("Tuần này có hai tin mới:", posted["text"]);
        Assert.Equal([("imBack", "Họp dân", "1"), ("imBack", "Tiêm chủng", "2")], posted.Actions);
        Assert.Equal([user], posted.SuggestedTo);
    }

    [Fact]
    public async Task Emulator_mode_posts_without_a_token()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis, emulator: true);
        var address = await bot.KnownResidentAsync(BotFrameworkBot.NewUserId());

        var queued = await bot.EnqueueAsync(address, "Xã họp dân.");
        await bot.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Sent);

        Assert.Null(Assert.Single(bot.ConnectorCalls).Authorization());
        Assert.Empty(bot.TokenRequests);
    }

}
