using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>POST /messenger/webhook over real HTTP on the in-process bot, with a real Redis, the shipped content and a stub Graph API.</summary>
[Collection(UsesRedis.Name)]
public sealed class MessengerWebhookTests(RedisServer redis)
{
    /// <summary>
    /// name; what the resident does, one signed webhook per step, as "kind:content => expected reply"
    /// (kind: text, quick (a quick reply tap: its payload), postback, attachment; the reply a system
    /// reply id or faq:&lt;id&gt;); where the resident stands afterwards (null: not checked).
    /// </summary>
    public static TheoryData<string, string[], SubscriberStatus?> Conversations() => new()
    {
        { "an unaccented question gets its answer", ["text:lam vneid muc 2 o dau => faq:vneid"], SubscriberStatus.Contact },
        { "another unaccented question", ["text:DK => subscribed", "text:kich hoat tai khoan vneid the nao => faq:vneid"], SubscriberStatus.Subscribed },
        { "MENU offers quick replies", ["text:MENU => menu"], SubscriberStatus.Contact },
        { "a quick reply tap after MENU: its payload is the choice", ["text:MENU => menu", "quick:2 => faq:dich-vu-cong"], null },
        { "a typed number after MENU", ["text:MENU => menu", "text:2 => faq:dich-vu-cong"], null },
        { "a postback (Get Started, persistent menu) is read as its payload", ["postback:MENU => menu"], null },
        { "subscribe by postback", ["postback:DK => subscribed"], SubscriberStatus.Subscribed },
        { "HUY opts out", ["text:HUY => opted_out"], SubscriberStatus.OptedOut },
        { "huỷ with its mark opts out", ["text:huỷ => opted_out"], SubscriberStatus.OptedOut },
        { "subscribe, then opt out", ["text:DK => subscribed", "text:Hủy => opted_out", "text:huy => already_opted_out"], SubscriberStatus.OptedOut },
        { "a sticker first gets the welcome", ["attachment => welcome"], SubscriberStatus.Contact },
        { "a sticker later gets 'could not read it'", ["text:DK => subscribed", "attachment => empty_message"], SubscriberStatus.Subscribed },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name, string[] steps, SubscriberStatus? finalStatus)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        string? lastMenuTitle = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var (action, expected) = (steps[i][..steps[i].IndexOf(" => ", StringComparison.Ordinal)], steps[i][(steps[i].IndexOf(" => ", StringComparison.Ordinal) + 4)..]);
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var (kind, content) = colon < 0 ? (action, "") : (action[..colon], action[(colon + 1)..]);
            var ev = kind switch
            {
                "text" => MessengerBot.TextEvent(psid, content),
                // Messenger sends the tapped title as the text and the choice's value as the payload.
                "quick" => MessengerBot.TextEvent(psid, lastMenuTitle ?? "?", quickReplyPayload: content),
                "postback" => MessengerBot.PostbackEvent(psid, content),
                "attachment" => MessengerBot.AttachmentEvent(psid),
                _ => throw new ArgumentException(kind),
            };

            using var response = await bot.PostSignedAsync(MessengerBot.Envelope([ev]));
            var answer = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] '{action}': HTTP {(int)response.StatusCode} {answer}");
            Assert.Equal("EVENT_RECEIVED", answer);
            var call = (await bot.WaitForSendsAsync(psid, i + 1))[i];
            Assert.Equal("POST", call.Request.Method);
            Assert.Equal($"/v26.0/{MessengerBot.PageId}/messages", call.Request.PathAndQuery);
            Assert.Equal("RESPONSE", call.MessagingType);
            Assert.False(string.IsNullOrWhiteSpace(call.Text), $"[{name}] '{action}': empty text");
            var opening = bot.Opening(expected);
            Assert.True(call.Text!.StartsWith(opening, StringComparison.Ordinal), $"[{name}] '{action}': expected {expected} (\"{opening}...\"), got \"{call.Text}\"");
            Assert.True(call.Text.Length <= 2000, $"[{name}] '{action}': {call.Text.Length} characters");
            if (expected == "menu")
            {
                Assert.Equal([.. Enumerable.Range(1, call.QuickReplies.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], call.QuickReplies.Select(q => q.Payload));
                Assert.InRange(call.QuickReplies.Count, 2, 13);
                Assert.All(call.QuickReplies, q => Assert.InRange(q.Title.Length, 1, 20));
                lastMenuTitle = call.QuickReplies[1].Title;
            }
        }
        Assert.Equal(steps.Length, await bot.DeliveryCountAsync()); // one reply per step, none extra
        if (finalStatus is not null)
        {
            Assert.Equal(finalStatus, await bot.SubscriberStatusAsync(psid));
        }
    }

    /// <summary>
    /// name; the body (see <see cref="Body"/>); how it is signed (see <see cref="Signature"/>); the
    /// expected status; text the answer contains; how many replies are queued (and sent). A refused
    /// request leaves no trace: no conversation step, no subscriber, nothing queued.
    /// </summary>
    public static TheoryData<string, string, string, int, string, int> Requests() => new()
    {
        { "a text message, signed", "text", "valid", 200, "EVENT_RECEIVED", 1 },
        { "signature hex in upper case", "text", "uppercase", 200, "EVENT_RECEIVED", 1 },
        { "no signature", "text", "none", 401, "X-Hub-Signature-256 is missing", 0 },
        { "only the legacy sha1 X-Hub-Signature", "text", "sha1-header", 401, "X-Hub-Signature-256 is missing", 0 },
        { "signed with another app secret", "text", "other-secret", 403, "does not match", 0 },
        { "body changed after signing", "text", "tampered", 403, "does not match", 0 },
        { "signature without sha256=", "text", "no-scheme", 403, "does not match", 0 },
        { "signature not hex", "text", "not-hex", 403, "does not match", 0 },
        { "signature cut short", "text", "short", 403, "does not match", 0 },
        { "malformed JSON", "malformed", "valid", 400, "not valid JSON", 0 },
        { "not UTF-8", "latin1", "valid", 400, "not valid UTF-8", 0 },
        { "a JSON array", "array", "valid", 400, "must be a JSON object", 0 },
        { "no entry", "no-entry", "valid", 400, "must be an array", 0 },
        { "an Instagram subscription", "instagram", "valid", 404, "not handled here", 0 },
        { "an echo of our own message is skipped", "echo", "valid", 200, "EVENT_RECEIVED", 0 },
        { "a delivery receipt is ignored", "delivery", "valid", 200, "EVENT_RECEIVED", 0 },
        { "a read receipt is ignored", "read", "valid", 200, "EVENT_RECEIVED", 0 },
        { "an unknown event type is ignored", "reaction", "valid", 200, "EVENT_RECEIVED", 0 },
        { "a standby event belongs to the thread's owner app", "standby", "valid", 200, "EVENT_RECEIVED", 0 },
        { "a chat plugin visitor (user_ref, no PSID)", "user-ref", "valid", 200, "EVENT_RECEIVED", 0 },
        { "no entries at all", "empty", "valid", 200, "EVENT_RECEIVED", 0 },
        { "entries and events of unexpected shapes", "odd-shapes", "valid", 200, "EVENT_RECEIVED", 0 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request(string name, string body, string signing, int status, string answer, int replies)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var mid = MessengerBot.NewMid();
        var bytes = Body(body, psid, mid);
        var signature = Signature(signing, bytes);
        var header = signing == "sha1-header" ? "X-Hub-Signature" : "X-Hub-Signature-256";
        if (signing == "tampered")
        {
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"DK\"", "\"HUY\"", StringComparison.Ordinal));
        }

        using var response = await bot.PostAsync(bytes, signature, header: header);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(answer, text, StringComparison.Ordinal);
        Assert.Equal(replies, await bot.DeliveryCountAsync());
        if (replies > 0)
        {
            var call = Assert.Single(await bot.WaitForSendsAsync(psid, replies));
            Assert.StartsWith(bot.Opening("subscribed"), call.Text, StringComparison.Ordinal);
            Assert.Equal(SubscriberStatus.Subscribed, await bot.SubscriberStatusAsync(psid));
        }
        else
        {
            Assert.False(await bot.SeenAsync(mid), $"[{name}] took a conversation step");
            Assert.Null(await bot.SubscriberStatusAsync(psid));
            Assert.Null(await bot.SubscriberStatusAsync(MessengerBot.PageId));
        }
    }

    /// <summary>The request bodies of <see cref="Requests"/>; the resident (<paramref name="psid"/>) writes "DK" where there is a message.</summary>
    private static byte[] Body(string kind, string psid, string mid)
    {
        JsonObject Single(JsonObject ev) => MessengerBot.Envelope([ev]);
        JsonObject Event(string field, JsonObject value) => MessengerBot.Event(psid, field, value);
        return kind switch
        {
            "text" => MessengerBot.Bytes(Single(MessengerBot.TextEvent(psid, "DK", mid))),
            "malformed" => Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"1","messaging":[""" ),
            "latin1" => Encoding.Latin1.GetBytes($$$"""{"object":"page","entry":[{"messaging":[{"sender":{"id":"{{{psid}}}"},"message":{"mid":"{{{mid}}}","text":"{{{"Hu\u00ffy"}}}"}}]}]}"""),
            "array" => Encoding.UTF8.GetBytes("[]"),
            "no-entry" => Encoding.UTF8.GetBytes("""{"object":"page"}"""),
            "instagram" => MessengerBot.Bytes(new JsonObject { ["object"] = "instagram", ["entry"] = Single(MessengerBot.TextEvent(psid, "DK", mid))["entry"]!.DeepClone() }),
            "echo" => MessengerBot.Bytes(Single(EchoWithMid(psid, mid))),
            "delivery" => MessengerBot.Bytes(Single(Event("delivery", new JsonObject { ["mids"] = new JsonArray(mid), ["watermark"] = MessengerBot.Now() }))),
            "read" => MessengerBot.Bytes(Single(Event("read", new JsonObject { ["watermark"] = MessengerBot.Now() }))),
            "reaction" => MessengerBot.Bytes(Single(Event("reaction", new JsonObject { ["mid"] = mid, ["action"] = "react", ["reaction"] = "love", ["emoji"] = "\u2764" }))),
            "standby" => MessengerBot.Bytes(new JsonObject
            {
                ["object"] = "page",
                ["entry"] = new JsonArray(new JsonObject { ["id"] = MessengerBot.PageId, ["time"] = MessengerBot.Now(), ["standby"] = new JsonArray(MessengerBot.TextEvent(psid, "DK", mid)) }),
            }),
            "user-ref" => MessengerBot.Bytes(Single(new JsonObject
            {
                ["sender"] = new JsonObject { ["user_ref"] = psid },
                ["recipient"] = new JsonObject { ["id"] = MessengerBot.PageId },
                ["timestamp"] = MessengerBot.Now(),
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = "DK" },
            })),
            "empty" => Encoding.UTF8.GetBytes("""{"object":"page","entry":[]}"""),
            "odd-shapes" => Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[7,{"id":"1","messaging":{"not":"an array"}},{"messaging":[null,"x",{},{"sender":{"id":"{{{psid}}}"},"message":"not an object"},{"sender":{"id":["{{{psid}}}"]},"message":{"mid":"{{{mid}}}","text":"DK"}},{"sender":{"id":"{{{psid}}}"},"message":{"text":"DK"}}]}],"extra":{"future":true}}"""),
            _ => throw new ArgumentException(kind),
        };
    }

    private static JsonObject EchoWithMid(string psid, string mid)
    {
        var echo = MessengerBot.EchoEvent(psid);
        echo["message"]!["mid"] = mid;
        return echo;
    }

    private static string? Signature(string signing, byte[] body) => signing switch
    {
        "valid" or "tampered" or "sha1-header" => MessengerBot.Sign(body),
        "uppercase" => "sha256=" + MessengerBot.Sign(body)["sha256=".Length..].ToUpperInvariant(),
        "other-secret" => MessengerBot.Sign(body, "another_app_secret"),
        "no-scheme" => MessengerBot.Sign(body)["sha256=".Length..],
        "not-hex" => "sha256=" + new string('z', 64),
        "short" => MessengerBot.Sign(body)[..^2],
        "none" => null,
        _ => throw new ArgumentException(signing),
    };

    [Fact]
    public async Task Two_entries_of_two_events_each_are_all_handled()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psids = Enumerable.Range(0, 4).Select(_ => MessengerBot.NewPsid()).ToArray();

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope(
            [MessengerBot.TextEvent(psids[0], "DK"), MessengerBot.PostbackEvent(psids[1], "DK")],
            [MessengerBot.TextEvent(psids[2], "DK"), MessengerBot.TextEvent(psids[3], "dang ky")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, await bot.DeliveryCountAsync());
        foreach (var psid in psids)
        {
            var call = Assert.Single(await bot.WaitForSendsAsync(psid, 1));
            Assert.StartsWith(bot.Opening("subscribed"), call.Text, StringComparison.Ordinal);
            Assert.Equal(SubscriberStatus.Subscribed, await bot.SubscriberStatusAsync(psid));
        }
    }

    /// <summary>Meta retries a webhook it got no 200 for, and may repeat an event within a batch: the same mid takes one step and gets one reply.</summary>
    [Theory]
    [InlineData("posted twice")]
    [InlineData("twice in one batch")]
    public async Task A_repeated_mid_gets_one_reply(string how)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var ev = MessengerBot.TextEvent(psid, "DK");

        if (how == "posted twice")
        {
            using var first = await bot.PostSignedAsync(MessengerBot.Envelope([ev.DeepClone().AsObject()]));
            using var again = await bot.PostSignedAsync(MessengerBot.Envelope([ev.DeepClone().AsObject()]));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        else
        {
            using var response = await bot.PostSignedAsync(MessengerBot.Envelope([ev.DeepClone().AsObject(), ev.DeepClone().AsObject()]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await bot.DeliveryCountAsync());
        var call = Assert.Single(await bot.WaitForSendsAsync(psid, 1));
        Assert.StartsWith(bot.Opening("subscribed"), call.Text, StringComparison.Ordinal);
        // A new mid from the same resident is a new step: "already subscribed".
        using var later = await bot.PostSignedAsync(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "DK")]));
        Assert.StartsWith(bot.Opening("already_subscribed"), (await bot.WaitForSendsAsync(psid, 2))[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postback_without_mid_is_deduplicated_on_sender_and_timestamp()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var postback = MessengerBot.PostbackEvent(psid, "DK");
        postback["postback"]!.AsObject().Remove("mid");

        using var first = await bot.PostSignedAsync(MessengerBot.Envelope([postback.DeepClone().AsObject()]));
        using var again = await bot.PostSignedAsync(MessengerBot.Envelope([postback.DeepClone().AsObject()]));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await bot.DeliveryCountAsync());
        Assert.True(await bot.SeenAsync($"postback:{psid}:{postback["timestamp"]}"));
    }

    [Fact]
    public async Task A_mid_still_being_handled_is_answered_503_with_Retry_After()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var mid = MessengerBot.NewMid();
        // Another request holds this message: its "pending" mark is what the inbound ledger leaves while it works.
        var seen = bot.Host.Get<RedisKeys>().InboundSeen("messenger", mid);
        await redis.Connection.GetDatabase().StringSetAsync(seen, "pending", TimeSpan.FromMinutes(1));

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope([MessengerBot.TextEvent(MessengerBot.NewPsid(), "DK", mid)]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Redis_down_is_answered_503_so_Meta_retries()
    {
        await using var bot = await MessengerBot.StartAsync(redis, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=200",
        });

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope([MessengerBot.TextEvent(MessengerBot.NewPsid(), "DK")]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>A body over 256 KiB is refused with 413, whether its length is declared or it comes chunked; it is never parsed.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_256_KiB_is_refused_with_413(bool chunked)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var mid = MessengerBot.NewMid();
        var body = MessengerBot.Bytes(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "DK " + new string('a', 260 * 1024), mid)]));

        using var response = await bot.PostAsync(body, MessengerBot.Sign(body), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await bot.SeenAsync(mid));
        Assert.Null(await bot.SubscriberStatusAsync(psid));
    }

    [Fact]
    public async Task A_body_just_under_256_KiB_is_accepted()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var body = MessengerBot.Bytes(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "DK " + new string('a', 250 * 1024))]));

        using var response = await bot.PostAsync(body, MessengerBot.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await bot.WaitForSendsAsync(psid, 1));
    }

    /// <summary>The resident's words as Meta encodes them (\u escapes) reach the engine as Vietnamese text, and the signature covers those bytes.</summary>
    [Fact]
    public async Task Escaped_Vietnamese_is_signed_as_sent_and_read_as_text()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var body = MessengerBot.Bytes(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "Hủy")]));
        Assert.Contains("\\u1EE7", Encoding.UTF8.GetString(body), StringComparison.OrdinalIgnoreCase);

        using var response = await bot.PostAsync(body, MessengerBot.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.OptedOut, await bot.SubscriberStatusAsync(psid));
    }

    /// <summary>The resident's last message time (the start of the 24 h window) is Meta's timestamp of the event.</summary>
    [Fact]
    public async Task The_last_interaction_is_the_events_timestamp()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        var ev = MessengerBot.TextEvent(psid, "DK");
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        ev["timestamp"] = sentAt.ToUnixTimeMilliseconds();

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope([ev]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscriber = await bot.Subscribers.FindAsync(Campaign.Core.Conversations.Channel.Messenger, psid);
        // Subscriber records keep times to the second (SubscriberRecord).
        Assert.Equal(sentAt.ToUnixTimeSeconds(), subscriber!.LastInboundAt!.Value.ToUnixTimeSeconds());
    }

}
