using System.Net;
using System.Text;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;
using StackExchange.Redis;

namespace SmsGateway.Tests.Twilio;

/// <summary>POST /sms/twilio/inbound over real HTTP on the in-process gateway, with a real Redis and the shipped content.</summary>
[Collection(UsesRedis.Name)]
public sealed class TwilioInboundTests(RedisServer redis)
{
    /// <summary>
    /// name; what the resident sends, one SMS per step, as "text => expected answer" (a system reply
    /// id or faq:&lt;id&gt;); where the subscriber stands afterwards (null: not checked).
    /// </summary>
    public static TheoryData<string, string[], SubscriberStatus?> Conversations() => new()
    {
        { "a question gets its answer", ["lam vneid muc 2 o dau => faq:vneid"], SubscriberStatus.Contact },
        { "STOP", ["STOP => opted_out"], SubscriberStatus.OptedOut },
        { "stop in lower case", ["stop => opted_out"], SubscriberStatus.OptedOut },
        { "HUY", ["HUY => opted_out"], SubscriberStatus.OptedOut },
        { "huỷ with its mark", ["huỷ => opted_out"], SubscriberStatus.OptedOut },
        { "Hủy, mark on the other letter", ["Hủy => opted_out"], SubscriberStatus.OptedOut },
        { "HUỶ decomposed (NFD)", ["HU\u0059\u0309 => opted_out"], SubscriberStatus.OptedOut },
        { "TC", ["TC => opted_out"], SubscriberStatus.OptedOut },
        { "tc with punctuation", [" tc. => opted_out"], SubscriberStatus.OptedOut },
        { "subscribe, then opt out", ["DK => subscribed", "huỷ => opted_out", "Huy => already_opted_out"], SubscriberStatus.OptedOut },
        { "subscribe", ["dk => subscribed"], SubscriberStatus.Subscribed },
        { "a menu number after MENU", ["MENU => menu", "2 => faq:dich-vu-cong"], null },
        { "a question without marks", ["DK => subscribed", "kich hoat tai khoan vneid the nao => faq:vneid"], null },
        { "another question without marks", ["lam can cuoc cho con o dau => faq:vneid"], null },
        { "empty first message gets the welcome", [" => welcome"], SubscriberStatus.Contact },
        { "empty message later", ["DK => subscribed", " => empty_message"], SubscriberStatus.Subscribed },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name, string[] steps, SubscriberStatus? finalStatus)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var number = TwilioGateway.NewNumber();
        var maxSegments = gateway.Host.Get<SmsOptions>().MaxSegments;
        foreach (var step in steps)
        {
            var (text, expected) = (step[..step.IndexOf(" => ", StringComparison.Ordinal)], step[(step.IndexOf(" => ", StringComparison.Ordinal) + 4)..]);
            var (response, twiml, replies) = await gateway.TextAsync(number, text);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] '{text}': HTTP {(int)response.StatusCode} {twiml}");
            Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message action=\"https://sms.example.test/sms/twilio/status?d=", twiml, StringComparison.Ordinal);
            var reply = Assert.Single(replies);
            var opening = gateway.Opening(expected);
            Assert.True(reply.StartsWith(opening, StringComparison.Ordinal), $"[{name}] '{text}': expected {expected} (\"{opening}...\"), got \"{reply}\"");
            var segments = SmsEncoder.Analyze(reply).Segments;
            Assert.True(segments <= maxSegments, $"[{name}] '{text}': {segments} segments, over Sms:MaxSegments {maxSegments}");
        }
        if (finalStatus is not null)
        {
            Assert.Equal(finalStatus, await gateway.SubscriberStatusAsync(number));
        }
    }

    /// <summary>
    /// name; the fields sent (besides a fresh MessageSid and From unless listed as "-Name"); how the
    /// request is signed; a raw body replacing the encoded fields; expected HTTP status; text the
    /// answer must contain.
    /// Signing: valid (for PublicBaseUrl), port-443 (the URL with :443 written), none, other-token,
    /// host-url (the gateway's own address, as the Host header would give), tampered (Body changed after signing).
    /// </summary>
    public static TheoryData<string, string[], string, string?, int, string> Requests() => new()
    {
        { "signed for the public URL", [], "valid", null, 200, "<Message action=" },
        { "signed with the default port written", [], "port-443", null, 200, "<Message action=" },
        { "no signature", [], "none", null, 403, "X-Twilio-Signature is missing" },
        { "signed with another auth token", [], "other-token", null, 403, "does not match" },
        { "signed for the Host header's URL", [], "host-url", null, 403, "does not match" },
        { "body changed after signing", [], "tampered", null, 403, "does not match" },
        { "no MessageSid", ["-MessageSid"], "valid", null, 400, "MessageSid is required" },
        { "no From", ["-From"], "valid", null, 400, "From is required" },
        { "empty From", ["From="], "valid", null, 400, "From is required" },
        { "no Body at all", ["-Body"], "valid", null, 200, "<Message action=" },
        { "sender not a phone number: answered with no reply", ["From=Viettel"], "valid", null, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response />" },
        { "Body not UTF-8", [], "valid", "MessageSid=SM1&From=%2B84912000001&Body=%FF%FE", 400, "body is not valid UTF-8" },
        { "raw bytes not UTF-8", [], "valid", "MessageSid=SM1&From=%2B84912000001&Body=\u00ff", 400, "body is not valid UTF-8" },
        { "broken percent-escape", [], "valid", "MessageSid=SM1&From=%2B84912000001&Body=%G1", 400, "bad percent-escape" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request(string name, string[] changes, string signing, string? rawBody, int status, string answer)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var number = TwilioGateway.NewNumber();
        var fields = TwilioGateway.InboundFields(number, "DK");
        foreach (var change in changes)
        {
            if (change.StartsWith('-'))
            {
                fields.RemoveAll(f => f.Name == change[1..]);
            }
            else
            {
                var (field, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                fields = [.. fields.Select(f => f.Name == field ? (f.Name, value) : f)];
            }
        }
        const string path = "/sms/twilio/inbound";
        var signature = signing switch
        {
            "valid" or "tampered" => TwilioGateway.Sign(TwilioGateway.PublicBaseUrl + path, fields),
            "port-443" => TwilioGateway.Sign("https://sms.example.test:443" + path, fields),
            "other-token" => TwilioGateway.Sign(TwilioGateway.PublicBaseUrl + path, fields, "fedcba9876543210fedcba9876543210"),
            "host-url" => TwilioGateway.Sign(new Uri(gateway.Host.BaseAddress, path.TrimStart('/')).ToString(), fields),
            "none" => null,
            _ => throw new ArgumentException(signing),
        };
        if (signing == "tampered")
        {
            fields = [.. fields.Select(f => f.Name == "Body" ? (f.Name, "HUY") : f)];
        }
        var body = rawBody is null ? Encoding.UTF8.GetBytes(TwilioGateway.Encode(fields)) : Encoding.Latin1.GetBytes(rawBody);

        using var response = await gateway.PostAsync(path, body, signature);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(answer, text, StringComparison.Ordinal);
        if (status != 200)
        {
            Assert.Null(await gateway.Subscribers.FindAsync(Campaign.Core.Conversations.Channel.Sms, number)); // nothing was processed
        }
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_with_415()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        const string json = "{\"MessageSid\":\"SM1\",\"From\":\"+84912000002\",\"Body\":\"DK\"}";

        using var response = await gateway.PostAsync("/sms/twilio/inbound", Encoding.UTF8.GetBytes(json), "x", contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await gateway.SubscriberStatusAsync("+84912000002"));
    }

    [Fact]
    public async Task A_repeated_MessageSid_gets_the_same_TwiML_and_no_second_step()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var number = TwilioGateway.NewNumber();
        var sid = TwilioGateway.NewMessageSid();

        var first = await gateway.TextAsync(number, "DK", sid);
        var again = await gateway.TextAsync(number, "DK", sid);
        var later = await gateway.TextAsync(number, "DK");

        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Equal(first.Twiml, again.Twiml);
        Assert.StartsWith(gateway.Opening("subscribed"), Assert.Single(again.Replies), StringComparison.Ordinal);
        Assert.StartsWith(gateway.Opening("already_subscribed"), Assert.Single(later.Replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_MessageSid_still_being_handled_is_answered_503_with_Retry_After()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var sid = TwilioGateway.NewMessageSid();
        // Another request holds this message: its "pending" mark is what SmsInbox leaves while it works.
        var seen = gateway.Host.Get<RedisKeys>().InboundSeen("twilio", sid);
        await redis.Connection.GetDatabase().StringSetAsync(seen, "pending", TimeSpan.FromMinutes(1));

        var (response, _, _) = await gateway.TextAsync(TwilioGateway.NewNumber(), "DK", sid);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Redis_down_is_answered_503()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=200",
        });

        var (response, _, _) = await gateway.TextAsync(TwilioGateway.NewNumber(), "DK");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>A body over 64 KiB is refused with 413 (below Kestrel's global 256 KiB), whether its length is declared or it comes chunked.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_64_KiB_is_refused_with_413(bool chunked)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var number = TwilioGateway.NewNumber();
        var fields = TwilioGateway.InboundFields(number, new string('a', 70 * 1024));
        var body = Encoding.UTF8.GetBytes(TwilioGateway.Encode(fields));

        using var response = await gateway.PostAsync("/sms/twilio/inbound", body, TwilioGateway.Sign(TwilioGateway.PublicBaseUrl + "/sms/twilio/inbound", fields), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await gateway.SubscriberStatusAsync(number));
    }

    [Fact]
    public async Task A_body_just_under_64_KiB_is_accepted()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var fields = TwilioGateway.InboundFields(TwilioGateway.NewNumber(), "");
        var padding = (63 * 1024) - TwilioGateway.Encode(fields).Length;
        fields = [.. fields.Select(f => f.Name == "Body" ? (f.Name, new string('a', padding)) : f)];

        using var response = await gateway.PostSignedAsync("/sms/twilio/inbound", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task XML_special_characters_in_a_reply_are_escaped()
    {
        // A copy of the content whose empty-message reply holds every character XML cares about.
        var content = RepoPaths.CopyOfContent();
        try
        {
            var replies = Path.Combine(content, "replies.yaml");
            var yaml = await File.ReadAllTextAsync(replies);
            var emptyReply = "Chưa đọc được tin của bà con. Hãy gõ câu hỏi bằng chữ, hoặc nhắn MENU để xem\n      chủ đề.";
            Assert.Contains(emptyReply, yaml, StringComparison.Ordinal);
            await File.WriteAllTextAsync(replies, yaml.Replace(emptyReply, "Tin <trống> & \"rỗng\" 'ạ' ]]> nhắn MENU", StringComparison.Ordinal));
            await using var gateway = await TwilioGateway.StartAsync(redis, new Dictionary<string, string?> { ["Content:Path"] = content });
            var number = TwilioGateway.NewNumber();
            await gateway.TextAsync(number, "DK");

            var (response, twiml, messages) = await gateway.TextAsync(number, "");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Tin <trong> & \"rong\" 'a' ]]> nhan MENU", Assert.Single(messages));
            Assert.Contains("Tin &lt;trong&gt; &amp; ", twiml, StringComparison.Ordinal);
            Assert.Contains("]]&gt; nhan MENU", twiml, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
