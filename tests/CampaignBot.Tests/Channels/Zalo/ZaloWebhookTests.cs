using System.Net;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>
/// POST /zalo/webhook over real HTTP on the in-process bot, a real Redis, the shipped content, and the
/// replies going out through the Zalo dispatcher to the stub consultation API.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class ZaloWebhookTests(RedisServer redis)
{
    /// <summary>
    /// name; what the resident writes, one user_send_text per step, as "text => expected reply" (a
    /// system reply id or faq:&lt;id&gt;); where the subscriber stands afterwards.
    /// </summary>
    public static TheoryData<string, string[], SubscriberStatus> Conversations() => new()
    {
        { "a question without marks gets its answer", ["lam vneid muc 2 o dau => faq:vneid"], SubscriberStatus.Contact },
        { "the same question with marks", ["Tài khoản VNeID mức 2 làm ở đâu? => faq:vneid"], SubscriberStatus.Contact },
        { "MENU then 1", ["MENU => menu", "1 => faq:vneid"], SubscriberStatus.Contact },
        { "1 after an answer picks its first related topic", ["lam vneid muc 2 o dau => faq:vneid", "1 => faq:dich-vu-cong"], SubscriberStatus.Contact },
        { "DK subscribes", ["DK => subscribed"], SubscriberStatus.Subscribed },
        { "HUY opts out", ["HUY => opted_out"], SubscriberStatus.OptedOut },
        { "subscribe, then huỷ with its mark", ["dk => subscribed", "huỷ => opted_out", "Huy => already_opted_out"], SubscriberStatus.OptedOut },
        { "a greeting first gets the welcome", ["xin chao => welcome"], SubscriberStatus.Contact },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name, string[] steps, SubscriberStatus finalStatus)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        for (var i = 0; i < steps.Length; i++)
        {
            var split = steps[i].IndexOf(" => ", StringComparison.Ordinal);
            var (text, expected) = (steps[i][..split], steps[i][(split + 4)..]);

            using var response = await bot.PostSignedAsync(ZaloBot.TextEvent(user, text));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] '{text}': HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var sent = await bot.WaitForMessagesAsync(user, i + 1);
            var reply = ZaloBot.TextOf(sent[i]);
            var opening = bot.Opening(expected);
            Assert.True(reply.StartsWith(opening, StringComparison.Ordinal), $"[{name}] '{text}': expected {expected} (\"{opening}...\"), got \"{reply}\"");
        }
        Assert.Equal(finalStatus, await bot.StatusAsync(user));
        Assert.Equal(steps.Length, bot.MessagesTo(user).Count);
        var request = bot.MessageRequests[0];
        Assert.Equal(ZaloBot.InitialAccessToken, request.Headers["access_token"]);
        Assert.False(request.Headers.ContainsKey("Authorization"), "the OA token goes in access_token, not a bearer header");
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_offers_its_related_topics_as_buttons_and_the_nine_item_menu_as_numbered_text_only()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();

        await bot.PostSignedAsync(ZaloBot.TextEvent(user, "lam vneid muc 2 o dau"));
        var answer = (await bot.WaitForMessagesAsync(user, 1))[0];
        await bot.PostSignedAsync(ZaloBot.TextEvent(user, "MENU"));
        var menu = (await bot.WaitForMessagesAsync(user, 2))[1];

        var buttons = ZaloBot.ButtonsOf(answer);
        Assert.NotNull(buttons);
        Assert.Equal("template", answer["message"]!["attachment"]!["type"]!.ToString());
        Assert.Equal(["1", "2", "3"], buttons.Select(b => b!["payload"]!.ToString()));
        Assert.All(buttons, b => Assert.Equal("oa.query.show", b!["type"]!.ToString()));
        Assert.StartsWith("1. ", buttons[0]!["title"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("1.", ZaloBot.TextOf(answer), StringComparison.Ordinal); // the text lists them too
        Assert.Null(menu["message"]!["attachment"]);
        Assert.Contains("9.", ZaloBot.TextOf(menu), StringComparison.Ordinal);
    }

    /// <summary>
    /// name; body kind; how it is signed; expected status; text the answer must contain. Body kinds:
    /// text (a user_send_text "DK"), other-app (app_id of another app), not-json, array, no-event,
    /// no-timestamp, no-msg-id, no-sender. Signing: valid (mac= prefix), bare (no prefix), upper (upper-case hex),
    /// none, other-secret, app-secret (the app secret instead of the OA secret key), other-timestamp,
    /// tampered (body changed after signing), other-app (signed for the other app id).
    /// </summary>
    public static TheoryData<string, string, string, int, string> Requests() => new()
    {
        { "signed as Zalo does (mac=)", "text", "valid", 200, "" },
        { "signature without the mac= prefix", "text", "bare", 200, "" },
        { "signature in upper-case hex", "text", "upper", 200, "" },
        { "no signature", "text", "none", 401, "X-ZEvent-Signature is missing" },
        { "signed with another OA secret key", "text", "other-secret", 401, "does not match" },
        { "signed with the app secret instead of the OA secret key", "text", "app-secret", 401, "does not match" },
        { "signed with another timestamp", "text", "other-timestamp", 401, "does not match" },
        { "body changed after signing", "text", "tampered", 401, "does not match" },
        { "another app's event, signed for that app", "other-app", "other-app", 401, "does not match" },
        { "another app's event, signed with our app id", "other-app", "valid", 401, "app_id is not this app's" },
        { "not JSON", "not-json", "valid", 400, "body is not valid JSON" },
        { "a JSON array", "array", "valid", 400, "body must be a JSON object" },
        { "no event_name", "no-event", "valid", 400, "event_name is required" },
        { "no timestamp", "no-timestamp", "valid", 400, "timestamp is required" },
        { "user_send_text without msg_id", "no-msg-id", "valid", 400, "message.msg_id is required" },
        { "user_send_text without sender", "no-sender", "valid", 400, "sender.id is required" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request(string name, string kind, string signing, int status, string answer)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        var ts = ZaloBot.Now();
        var body = kind switch
        {
            "text" => ZaloBot.TextEvent(user, "DK", timestamp: ts),
            "other-app" => ZaloBot.TextEvent(user, "DK", timestamp: ts, appId: "9876543210987654321"),
            "not-json" => $$"""{"event_name":"user_send_text","timestamp":"{{ts}}","sender":{"id":"{{user}}"}""",
            "array" => $$"""[{"event_name":"user_send_text","timestamp":"{{ts}}"}]""",
            "no-event" => $$$"""{"app_id":"{{{ZaloBot.AppId}}}","timestamp":"{{{ts}}}","sender":{"id":"{{{user}}}"},"message":{"text":"DK","msg_id":"m1"}}""",
            "no-timestamp" => $$$"""{"app_id":"{{{ZaloBot.AppId}}}","event_name":"user_send_text","sender":{"id":"{{{user}}}"},"message":{"text":"DK","msg_id":"m1"}}""",
            "no-msg-id" => $$$"""{"app_id":"{{{ZaloBot.AppId}}}","event_name":"user_send_text","timestamp":"{{{ts}}}","sender":{"id":"{{{user}}}"},"message":{"text":"DK"}}""",
            "no-sender" => $$$"""{"app_id":"{{{ZaloBot.AppId}}}","event_name":"user_send_text","timestamp":"{{{ts}}}","message":{"text":"DK","msg_id":"m1"}}""",
            _ => throw new ArgumentException(kind),
        };
        var signature = signing switch
        {
            "valid" or "tampered" => ZaloTestSigner.Header(ZaloBot.AppId, body, ts, ZaloBot.OaSecretKey),
            "bare" => ZaloTestSigner.Hex(ZaloBot.AppId, body, ts, ZaloBot.OaSecretKey),
            "upper" => ZaloTestSigner.Hex(ZaloBot.AppId, body, ts, ZaloBot.OaSecretKey).ToUpperInvariant(),
            "other-secret" => ZaloTestSigner.Header(ZaloBot.AppId, body, ts, "another-oa-secret"),
            "app-secret" => ZaloTestSigner.Header(ZaloBot.AppId, body, ts, ZaloBot.AppSecret),
            "other-timestamp" => ZaloTestSigner.Header(ZaloBot.AppId, body, "1700000000000", ZaloBot.OaSecretKey),
            "other-app" => ZaloTestSigner.Header("9876543210987654321", body, ts, ZaloBot.OaSecretKey),
            "none" => null,
            _ => throw new ArgumentException(signing),
        };
        if (signing == "tampered")
        {
            body = body.Replace("\"DK\"", "\"HUY\"", StringComparison.Ordinal);
        }

        using var response = await bot.PostAsync(Encoding.UTF8.GetBytes(body), signature);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(answer, text, StringComparison.Ordinal);
        if (status == 200)
        {
            Assert.Equal(SubscriberStatus.Subscribed, await bot.StatusAsync(user));
            await bot.WaitForMessagesAsync(user, 1);
        }
        else
        {
            // Nothing processed: no subscriber, nothing queued, nothing sent.
            Assert.Null(await bot.StatusAsync(user));
            Assert.Equal(0, await bot.QueuedCountAsync());
            Assert.Empty(bot.Api.Requests);
        }
    }

    /// <summary>
    /// name; the steps, each "event => expected reply" (none: no reply); where the subscriber ends; the
    /// consent's "via" afterwards. Events: follow, unfollow, text:&lt;words&gt;, or follow@1 / unfollow@1
    /// to repeat one event (same timestamp) the way a webhook retry does.
    /// </summary>
    public static TheoryData<string, string[], SubscriberStatus?, string?> Follows() => new()
    {
        { "follow subscribes, with the follow as consent", ["follow => subscribed"], SubscriberStatus.Subscribed, "zalo:follow" },
        { "unfollow after follow opts out, no reply", ["follow => subscribed", "unfollow => none"], SubscriberStatus.OptedOut, "zalo:unfollow" },
        { "follow again after unfollow", ["follow => subscribed", "unfollow => none", "follow => opted_back_in"], SubscriberStatus.Subscribed, "zalo:follow" },
        { "follow after DK keeps the first consent", ["text:DK => subscribed", "follow => already_subscribed"], SubscriberStatus.Subscribed, "zalo:subscribe" },
        { "unfollow by a resident who only asked a question", ["text:lam vneid muc 2 o dau => faq:vneid", "unfollow => none"], SubscriberStatus.OptedOut, "zalo:unfollow" },
        { "unfollow by someone we never saw: nothing to record", ["unfollow => none"], null, null },
        { "a repeated follow event is handled once", ["follow@1 => subscribed", "follow@1 => none"], SubscriberStatus.Subscribed, "zalo:follow" },
    };

    [Theory]
    [MemberData(nameof(Follows))]
    public async Task Follow(string name, string[] steps, SubscriberStatus? status, string? via)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        var fixedTimestamp = ZaloBot.Now();
        var replies = 0;
        string? lastEvent = null;
        foreach (var step in steps)
        {
            var split = step.IndexOf(" => ", StringComparison.Ordinal);
            var (e, expected) = (step[..split], step[(split + 4)..]);
            await Task.Delay(2); // distinct timestamps for distinct events
            var body = e switch
            {
                "follow" or "unfollow" => ZaloBot.FollowEvent(e, user),
                "follow@1" or "unfollow@1" => ZaloBot.FollowEvent(e[..^2], user, fixedTimestamp),
                _ when e.StartsWith("text:", StringComparison.Ordinal) => ZaloBot.TextEvent(user, e[5..]),
                _ => throw new ArgumentException(e),
            };
            lastEvent = body;

            using var response = await bot.PostSignedAsync(body);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] {e}: HTTP {(int)response.StatusCode}");
            if (expected != "none")
            {
                replies++;
                var reply = ZaloBot.TextOf((await bot.WaitForMessagesAsync(user, replies))[replies - 1]);
                Assert.True(reply.StartsWith(bot.Opening(expected), StringComparison.Ordinal), $"[{name}] {e}: expected {expected}, got \"{reply}\"");
            }
        }

        Assert.Equal(replies, await bot.QueuedCountAsync()); // an unfollow, or a repeated event, queues nothing
        var subscriber = await bot.Subscribers.FindAsync(Channel.Zalo, user);
        Assert.Equal(status, subscriber?.Status);
        Assert.Equal(via, subscriber?.Consent?.Via);
        if (via is "zalo:follow" or "zalo:unfollow")
        {
            var timestamp = System.Text.Json.Nodes.JsonNode.Parse(lastEvent!)!["timestamp"]!.ToString();
            Assert.Contains($"event at {timestamp}", subscriber!.Consent!.Evidence, StringComparison.Ordinal);
            Assert.Contains("source oa_profile", subscriber.Consent.Evidence, StringComparison.Ordinal);
        }
    }

    /// <summary>name; event posted (signed); whether a reply is queued. Events we do not act on are acknowledged all the same.</summary>
    public static TheoryData<string, string, string?> OtherEvents() => new()
    {
        { "user_seen_message: acknowledged, ignored", "user_seen_message", null },
        { "user_received_message: acknowledged, ignored", "user_received_message", null },
        { "oa_send_text (our own message): ignored", "oa_send_text", null },
        { "an event name Zalo may add later: ignored", "user_reacted_to_poll", null },
        { "a sticker first: the welcome", "user_send_sticker", "welcome" },
        { "an image first: the welcome", "user_send_image", "welcome" },
    };

    [Theory]
    [MemberData(nameof(OtherEvents))]
    public async Task Other_event(string name, string eventName, string? reply)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();

        using var response = await bot.PostSignedAsync(ZaloBot.MessageEvent(eventName, user));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] HTTP {(int)response.StatusCode}");
        if (reply is null)
        {
            Assert.Equal(0, await bot.QueuedCountAsync());
            Assert.Null(await bot.StatusAsync(user));
        }
        else
        {
            var text = ZaloBot.TextOf((await bot.WaitForMessagesAsync(user, 1))[0]);
            Assert.StartsWith(bot.Opening(reply), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sticker_after_a_conversation_gets_the_ask_in_words_reply()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        await bot.PostSignedAsync(ZaloBot.TextEvent(user, "DK"));

        await bot.PostSignedAsync(ZaloBot.MessageEvent("user_send_sticker", user));

        var sent = await bot.WaitForMessagesAsync(user, 2);
        Assert.StartsWith(bot.Opening("empty_message"), ZaloBot.TextOf(sent[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_msg_id_gets_one_reply()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        var body = ZaloBot.TextEvent(user, "lam vneid muc 2 o dau");

        using var first = await bot.PostSignedAsync(body);
        using var again = await bot.PostSignedAsync(body);
        using var third = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, await bot.QueuedCountAsync());
        await bot.WaitForMessagesAsync(user, 1);
        // The same text under a new msg_id is a new message.
        await bot.PostSignedAsync(ZaloBot.TextEvent(user, "lam vneid muc 2 o dau"));
        await bot.WaitForMessagesAsync(user, 2);
        Assert.Equal(2, bot.MessagesTo(user).Count);
    }

    /// <summary>A body over 64 KiB is refused with 413 before anything else, declared or chunked.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_64_KiB_is_refused_with_413(bool chunked)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        var body = ZaloBot.TextEvent(user, new string('a', 70 * 1024));

        using var response = await bot.PostAsync(Encoding.UTF8.GetBytes(body), ZaloBot.Sign(body), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await bot.StatusAsync(user));
    }

    [Fact]
    public async Task A_body_just_under_64_KiB_is_accepted()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        var padding = (63 * 1024) - ZaloBot.TextEvent(user, "").Length;
        var body = ZaloBot.TextEvent(user, new string('a', padding));

        using var response = await bot.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Redis_down_is_answered_503_with_Retry_After()
    {
        await using var bot = await ZaloBot.StartAsync(redis, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=200",
        });

        using var response = await bot.PostSignedAsync(ZaloBot.TextEvent(ZaloBot.NewUserId(), "DK"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
