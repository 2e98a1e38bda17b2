using System.Net;
using System.Text.Json.Nodes;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>
/// Activities in, replies out: POST /api/messages with valid channel tokens, the conversation engine on
/// the shipped content, and the replies the dispatcher posts to the stub connector.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class BotFrameworkMessageTests(RedisServer redis)
{
    /// <summary>
    /// name; what the resident sends, one message activity per step, as "text => expected reply" (a
    /// system reply id or faq:&lt;id&gt;); where the subscriber stands afterwards (null: not checked).
    /// </summary>
    public static TheoryData<string, string[], SubscriberStatus?> Conversations() => new()
    {
        { "a Vietnamese question without marks gets its answer", ["kich hoat vneid muc 2 o dau => faq:vneid"], SubscriberStatus.Contact },
        { "the same question with its marks", ["Kích hoạt VNeID mức 2 ở đâu? => faq:vneid"], SubscriberStatus.Contact },
        { "MENU lists the topics", ["MENU => menu"], null },
        { "a menu number after MENU", ["MENU => menu", "1 => faq:vneid"], null },
        { "a second menu number", ["MENU => menu", "2 => faq:dich-vu-cong"], null },
        { "DK subscribes", ["DK => subscribed"], SubscriberStatus.Subscribed },
        { "HUY opts out", ["HUY => opted_out"], SubscriberStatus.OptedOut },
        { "subscribe, then opt out with its mark", ["DK => subscribed", "huỷ => opted_out"], SubscriberStatus.OptedOut },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name, string[] steps, SubscriberStatus? finalStatus)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var conversation = BotFrameworkBot.Conversation(user);
        for (var i = 0; i < steps.Length; i++)
        {
            var split = steps[i].IndexOf(" => ", StringComparison.Ordinal);
            var (text, expected) = (steps[i][..split], steps[i][(split + 4)..]);
            var activity = bot.Message(user, text);
            var activityId = activity["id"]!.GetValue<string>();

            using var response = await bot.SendAsync(activity);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] '{text}': HTTP {(int)response.StatusCode}");
            Assert.Equal("", await response.Content.ReadAsStringAsync());
            var call = (await bot.WaitForConnectorCallsAsync(i + 1))[i];
            Assert.Equal("POST", call.Method);
            // The reply form, to the activity answered; the stub records the path escaped ('|' as %7C).
            Assert.Equal($"/bf/v3/conversations/{conversation}/activities/{activityId}", Uri.UnescapeDataString(call.PathAndQuery));
            Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
            var reply = PostedActivity.Of(call);
            Assert.Equal("message", reply["type"]);
            Assert.Equal(BotFrameworkBot.BotId, reply["from.id"]);
            Assert.Equal(user, reply["recipient.id"]);
            Assert.Equal(conversation, reply["conversation.id"]);
            Assert.Equal(activityId, reply["replyToId"]);
            Assert.Equal("vi-VN", reply["locale"]);
            Assert.Equal("plain", reply["textFormat"]);
            Assert.Null(reply["id"]); // the connector assigns it
            var opening = bot.Opening(expected);
            Assert.True(reply["text"]!.StartsWith(opening, StringComparison.Ordinal), $"[{name}] '{text}': expected {expected} (\"{opening}...\"), got \"{reply["text"]}\"");
            if (expected == "menu")
            {
                Assert.Equal([.. Enumerable.Range(1, bot.Menu.Count).Select(n => ("imBack", bot.Menu[n - 1].Title, n.ToString(System.Globalization.CultureInfo.InvariantCulture)))], reply.Actions);
                Assert.Equal([user], reply.SuggestedTo);
            }
        }
        if (finalStatus is not null)
        {
            var subscriber = await bot.Subscribers.FindAsync(Channel.BotFramework, BotFrameworkBot.Address(user));
            Assert.Equal(finalStatus, subscriber?.Status);
        }
    }

    /// <summary>
    /// name; the request (see <see cref="Body"/>); expected status; text the answer must contain; the
    /// reply expected at the connector (a reply id or faq:&lt;id&gt;), or null for none.
    /// </summary>
    public static TheoryData<string, string, int, string, string?> Requests() => new()
    {
        { "a message", "message", 200, "", "subscribed" },
        { "unknown fields anywhere are ignored", "extra-fields", 200, "", "subscribed" },
        { "a message without an id (keyed by its body)", "no-id", 200, "", "subscribed" },
        { "a postBack button: value, no text", "postback-value", 200, "", "menu" },
        { "conversationUpdate adding the user: welcome", "members-added-user", 200, "", "welcome" },
        { "conversationUpdate adding only the bot", "members-added-bot", 200, "", null },
        { "conversationUpdate with no members added", "members-added-none", 200, "", null },
        { "typing", "type:typing", 200, "", null },
        { "event", "type:event", 200, "", null },
        { "invoke", "type:invoke", 200, "", null },
        { "endOfConversation", "type:endOfConversation", 200, "", null },
        { "a type from the future", "type:somethingNew", 200, "", null },
        { "malformed JSON", "raw:{\"type\":\"message\",", 400, "not a JSON Activity", null },
        { "a JSON array", "raw:[1,2]", 400, "not a JSON Activity", null },
        { "a string where an object belongs", "raw:{\"type\":\"message\",\"from\":\"me\"}", 400, "not a JSON Activity", null },
        { "no type", "no-type", 400, "type is missing", null },
        { "a message without from", "no-from", 400, "from.id", null },
        { "a message without conversation", "no-conversation", 400, "conversation.id", null },
        { "a body over 256 KiB", "oversized", 413, "larger than 256 KiB", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request(string name, string kind, int status, string answer, string? reply)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var body = Body(bot, kind, user);

        using var response = await bot.PostAsync(body, "Bearer " + BotFrameworkBot.Mint(bot.ServiceUrl));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(answer, text, StringComparison.Ordinal);
        if (reply is null)
        {
            await bot.AssertNothingProcessedAsync(user, name);
            return;
        }
        var call = Assert.Single(await bot.WaitForConnectorCallsAsync(1));
        var posted = PostedActivity.Of(call);
        Assert.Equal(user, posted["recipient.id"]);
        Assert.StartsWith(bot.Opening(reply), posted["text"], StringComparison.Ordinal);
    }

    private static string Body(BotFrameworkBot bot, string kind, string user)
    {
        if (kind.StartsWith("raw:", StringComparison.Ordinal))
        {
            return kind[4..];
        }
        if (kind.StartsWith("type:", StringComparison.Ordinal))
        {
            return bot.Activity(kind[5..], user).ToJsonString();
        }
        var activity = bot.Message(user, "DK");
        switch (kind)
        {
            case "message":
                break;
            case "extra-fields":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "vi-VN" });
                activity["channelData"] = new JsonObject { ["clientActivityID"] = "x1", ["nested"] = new JsonObject { ["deep"] = new JsonArray(1, 2) } };
                activity["from"]!["aadObjectId"] = "7f0c2a4e-0000-0000-0000-000000000001";
                activity["somethingNew"] = 42;
                activity["localTimezone"] = "Asia/Saigon";
                break;
            case "no-id":
                activity.Remove("id");
                break;
            case "postback-value":
                activity.Remove("text");
                activity["value"] = "MENU";
                break;
            case "members-added-user":
                activity = bot.MembersAdded(user, user, BotFrameworkBot.BotId);
                break;
            case "members-added-bot":
                activity = bot.MembersAdded(user, BotFrameworkBot.BotId);
                break;
            case "members-added-none":
                activity = bot.MembersAdded(user);
                break;
            case "no-type":
                activity.Remove("type");
                break;
            case "no-from":
                activity.Remove("from");
                break;
            case "no-conversation":
                activity.Remove("conversation");
                break;
            case "oversized":
                activity["text"] = new string('a', 300 * 1024);
                break;
            default:
                throw new ArgumentException(kind);
        }
        return activity.ToJsonString();
    }

    [Fact]
    public async Task A_repeated_activity_id_gets_one_reply()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var activity = bot.Message(user, "DK");

        using var first = await bot.SendAsync(activity);
        using var again = await bot.SendAsync(activity);
        // A later message's reply proves the repeat queued none: one dispatch loop sends in order.
        using var later = await bot.SendAsync(bot.Message(user, "HUY"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var calls = await bot.WaitForConnectorCallsAsync(2);
        Assert.Equal(2, calls.Count);
        Assert.StartsWith(bot.Opening("subscribed"), PostedActivity.Of(calls[0])["text"], StringComparison.Ordinal);
        Assert.StartsWith(bot.Opening("opted_out"), PostedActivity.Of(calls[1])["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_down_is_answered_503_so_the_channel_retries()
    {
        var closedPort = LoopbackPort.Free();
        await using var bot = await BotFrameworkBot.StartAsync(redis, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{closedPort},connectTimeout=200",
        });

        using var response = await bot.SendAsync(bot.Message(BotFrameworkBot.NewUserId(), "DK"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(bot.ConnectorCalls);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_another_message()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var (alice, bob) = (BotFrameworkBot.NewUserId(), BotFrameworkBot.NewUserId());

        using var a = await bot.SendAsync(bot.Message(alice, "DK", activityId: "1"));
        using var b = await bot.SendAsync(bot.Message(bob, "DK", activityId: "1"));

        var calls = await bot.WaitForConnectorCallsAsync(2);
        Assert.Equal(new[] { alice, bob }.Order(), calls.Select(c => PostedActivity.Of(c)["recipient.id"]).Order());
    }

    [Fact]
    public async Task A_resident_we_know_is_not_welcomed_again_when_added_to_a_conversation()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        using var first = await bot.SendAsync(bot.Message(user, "DK"));
        await bot.WaitForConnectorCallsAsync(1);
        var newConversation = bot.MembersAdded(user, user);
        newConversation["conversation"] = new JsonObject { ["id"] = "conv-new-" + user };

        using var added = await bot.SendAsync(newConversation);
        using var later = await bot.SendAsync(bot.Message(user, "HUY", conversationId: "conv-new-" + user));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var calls = await bot.WaitForConnectorCallsAsync(2);
        Assert.Equal(2, calls.Count);
        Assert.StartsWith(bot.Opening("opted_out"), PostedActivity.Of(calls[1])["text"], StringComparison.Ordinal);
        // The reference follows the newest conversation, for campaigns.
        Assert.Equal("conv-new-" + user, (await bot.References.FindAsync(BotFrameworkBot.Address(user)))?.Conversation.Id);
    }

    [Fact]
    public async Task The_conversation_reference_is_stored_before_the_reply()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var activity = bot.Message(user, "DK");

        using var response = await bot.SendAsync(activity);

        var reference = await bot.References.FindAsync(BotFrameworkBot.Address(user));
        Assert.NotNull(reference);
        Assert.Equal(activity["id"]!.GetValue<string>(), reference.ActivityId);
        Assert.Equal(user, reference.User.Id);
        Assert.Equal(BotFrameworkBot.BotId, reference.Bot?.Id);
        Assert.Equal(BotFrameworkBot.Conversation(user), reference.Conversation.Id);
        Assert.Equal(BotFrameworkBot.ChannelId, reference.ChannelId);
        Assert.Equal(bot.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("vi-VN", reference.Locale);
        var stored = await redis.Connection.GetDatabase().StringGetAsync(bot.Keys.ConversationReference(BotFrameworkBot.Address(user)));
        var json = JsonNode.Parse(stored.ToString())!;
        Assert.Equal(user, json["user"]?["id"]?.GetValue<string>());
        Assert.Equal(bot.ServiceUrl, json["serviceUrl"]?.GetValue<string>());
    }

    [Fact]
    public async Task Ids_are_escaped_in_the_connector_path()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var activity = bot.Message(user, "DK", activityId: "a/b?c#1", conversationId: "19:x/y z");

        using var response = await bot.SendAsync(activity);

        var call = Assert.Single(await bot.WaitForConnectorCallsAsync(1));
        // Seven segments: a '/' or '?' left unescaped in an id would add one or start a query.
        var segments = call.PathAndQuery.Split('/');
        Assert.Equal(["", "bf", "v3", "conversations", "*", "activities", "*"], segments.Select((x, n) => n is 4 or 6 ? "*" : x));
        Assert.Equal("19:x/y z", Decode(segments[4]));
        Assert.Equal("a/b?c#1", Decode(segments[6]));
        Assert.Equal("19:x/y z", PostedActivity.Of(call)["conversation.id"]);
    }

    /// <summary>Undoes percent-escaping, however many times the stub's recording applied it.</summary>
    private static string Decode(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        return decoded == segment ? segment : Decode(decoded);
    }
}
