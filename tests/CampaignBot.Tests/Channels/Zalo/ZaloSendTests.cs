using System.Globalization;
using System.Text.Json.Nodes;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>The Zalo sender (the channel's <c>IChannelSender</c>) against the stub consultation API and token endpoint.</summary>
[Collection(UsesRedis.Name)]
public sealed class ZaloSendTests(RedisServer redis)
{
    /// <summary>name; HTTP status; body; expected outcome, ErrorCode, provider message id. Zalo answers HTTP 200 for its own errors.</summary>
    public static TheoryData<string, int, string, SendOutcome, string?, string?> Answers() => new()
    {
        { "error 0: sent", 200, ZaloBot.Sent("8fa7c1d2e3"), SendOutcome.Accepted, null, "8fa7c1d2e3" },
        { "-213 user has not followed the OA", 200, ZaloBot.Error(-213, "User has not followed OA"), SendOutcome.OutsideWindow, "-213", null },
        { "-230 no interaction in the past 7 days", 200, ZaloBot.Error(-230, "User has not interacted with the OA in the past 7 days"), SendOutcome.OutsideWindow, "-230", null },
        { "-232 no interaction yet, or it expired", 200, ZaloBot.Error(-232, "User has not interacted or interaction expired"), SendOutcome.OutsideWindow, "-232", null },
        { "-32 request rate", 200, ZaloBot.Error(-32, "Your application reached limit call api"), SendOutcome.RetryLater, "-32", null },
        { "-211 out of quota", 200, ZaloBot.Error(-211, "Out of quota"), SendOutcome.RetryLater, "-211", null },
        { "-219 app removed or disabled", 200, ZaloBot.Error(-219, "App is removed or disabled"), SendOutcome.Unauthorized, "-219", null },
        { "-223 OA has not authorized this API", 200, ZaloBot.Error(-223, "Official Account has not authorized this API"), SendOutcome.Unauthorized, "-223", null },
        { "-201 invalid parameter (no buttons to drop)", 200, ZaloBot.Error(-201, "user_id is invalid!"), SendOutcome.Rejected, "-201", null },
        { "-227 user banned or inactive", 200, ZaloBot.Error(-227, "User is banned or inactive for more than 45 days"), SendOutcome.Rejected, "-227", null },
        { "-224 OA needs a paid tier: refused, not a window", 200, ZaloBot.Error(-224, "The OA needs to upgrade OA Tier Package"), SendOutcome.Rejected, "-224", null },
        { "error as a string", 200, """{"error":"-230","message":"no interaction"}""", SendOutcome.OutsideWindow, "-230", null },
        { "200 without an error field: maybe sent", 200, "<html>ok</html>", SendOutcome.Unknown, "http_200", null },
        { "HTTP 500", 500, "Internal Server Error", SendOutcome.RetryLater, "http_500", null },
        { "HTTP 502 from a proxy", 502, "<html>bad gateway</html>", SendOutcome.RetryLater, "http_502", null },
        { "HTTP 429", 429, "", SendOutcome.RetryLater, "http_429", null },
        { "HTTP 401", 401, "", SendOutcome.Unauthorized, "http_401", null },
        { "HTTP 404", 404, "not found", SendOutcome.Rejected, "http_404", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer(string name, int status, string body, SendOutcome outcome, string? errorCode, string? messageId)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        bot.Send = _ => StubResponse.Json(status, body);

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào bà con"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(messageId, result.ProviderMessageId);
        if (outcome != SendOutcome.Accepted)
        {
            Assert.False(string.IsNullOrEmpty(result.Error), $"[{name}] no Error text");
        }
        Assert.Single(bot.MessageRequests);
        Assert.Empty(bot.TokenRequests);
    }

    [Fact]
    public async Task A_code_configured_as_blocked_opts_the_resident_out()
    {
        await using var bot = await ZaloBot.StartAsync(redis, new Dictionary<string, string?> { ["Zalo:BlockedErrorCodes"] = "-999" });
        bot.Send = _ => StubResponse.Json(200, ZaloBot.Error(-999, "User blocked the OA"));

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào bà con"), CancellationToken.None);

        Assert.Equal((SendOutcome.RecipientOptedOut, "-999"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task The_request_is_a_consultation_message_with_the_token_in_an_access_token_header()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        var user = ZaloBot.NewUserId();
        const string text = "Chào bà con! Dịch vụ công \"trực tuyến\" & <VNeID> 100%";

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), user, text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = Assert.Single(bot.MessageRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ZaloBot.MessagePath, request.PathAndQuery);
        Assert.Equal(ZaloBot.InitialAccessToken, request.Headers["access_token"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        Assert.Equal(["recipient", "message"], body.Select(p => p.Key));
        Assert.Equal(user, body["recipient"]!["user_id"]!.GetValue<string>()); // a string: 19 digits do not fit a double
        Assert.Equal(text, body["message"]!["text"]!.GetValue<string>());
        Assert.Null(body["message"]!["attachment"]);
        Assert.Contains("Chào bà con", request.BodyText, StringComparison.Ordinal); // UTF-8, not \u escapes
    }

    /// <summary>name; number of choices; Zalo:ChoiceButtons; whether buttons are sent.</summary>
    public static TheoryData<string, int, bool, bool> Choices() => new()
    {
        { "three choices: three buttons", 3, true, true },
        { "five choices: five buttons", 5, true, true },
        { "six choices: numbered text only, never part of the list", 6, true, false },
        { "buttons switched off", 3, false, false },
        { "no choices", 0, true, false },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public async Task Choices_become_buttons(string name, int count, bool setting, bool buttons)
    {
        await using var bot = await ZaloBot.StartAsync(redis, new Dictionary<string, string?> { ["Zalo:ChoiceButtons"] = setting ? "true" : "false" });
        var choices = Enumerable.Range(1, count)
            .Select(i => new ReplyChoice($"Chủ đề số {i}", i.ToString(CultureInfo.InvariantCulture)))
            .ToArray();

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Bà con chọn:", choices), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var sent = ZaloBot.ButtonsOf(JsonNode.Parse(Assert.Single(bot.MessageRequests).BodyText)!);
        Assert.True((sent is not null) == buttons, $"[{name}] buttons sent: {sent is not null}");
        if (buttons)
        {
            Assert.Equal(choices.Select(c => c.Value), sent!.Select(b => b!["payload"]!.ToString()));
            Assert.Equal(choices.Select(c => $"{c.Value}. {c.Label}"), sent!.Select(b => b!["title"]!.ToString()));
            Assert.All(sent!, b => Assert.Equal("oa.query.show", b!["type"]!.ToString()));
        }
    }

    [Fact]
    public async Task Buttons_refused_as_invalid_are_dropped_and_the_numbered_text_sent_once_more()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        bot.Send = r => JsonNode.Parse(r.BodyText)!["message"]!["attachment"] is null
            ? StubResponse.Json(200, ZaloBot.Sent("plain-1"))
            : StubResponse.Json(200, ZaloBot.Error(-201, "attachment is invalid!"));
        var choices = new[] { new ReplyChoice("Dịch vụ công", "1"), new ReplyChoice("VNeID", "2") };

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "1. Dịch vụ công\n2. VNeID", choices), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("plain-1", result.ProviderMessageId);
        Assert.Equal(2, bot.MessageRequests.Count);
    }

    /// <summary>
    /// name; the token endpoint's answer ("ok", "refused", "500", "ok-still-rejected"); expected outcome;
    /// expected Redis pair afterwards; how many consultation calls. -216 always gets exactly one refresh.
    /// </summary>
    public static TheoryData<string, string, SendOutcome, string, int> ExpiredToken() => new()
    {
        { "refreshed, retried with the new token: sent", "ok", SendOutcome.Accepted, "access-token-2/refresh-token-2", 2 },
        { "refresh refused (-14014): unauthorized, pair kept and marked refused", "refused", SendOutcome.Unauthorized, "access-token-initial/refresh-token-initial", 1 },
        { "token endpoint down (500): retry later", "500", SendOutcome.RetryLater, "access-token-initial/refresh-token-initial", 1 },
        { "the new token is refused too: unauthorized, no second refresh", "ok-still-rejected", SendOutcome.Unauthorized, "access-token-2/refresh-token-2", 2 },
    };

    [Theory]
    [MemberData(nameof(ExpiredToken))]
    public async Task Expired_token(string name, string refresh, SendOutcome outcome, string pair, int sends)
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        bot.Send = r => r.Headers["access_token"] == "access-token-2" && refresh != "ok-still-rejected"
            ? StubResponse.Json(200, ZaloBot.Sent("after-refresh"))
            : StubResponse.Json(200, ZaloBot.Error(-216, "Access token is invalid"));
        bot.Refresh = refresh switch
        {
            "ok" or "ok-still-rejected" => _ => StubResponse.Json(200, ZaloBot.Tokens("access-token-2", "refresh-token-2")),
            "refused" => _ => StubResponse.Json(200, """{"error_name":"Invalid parameter","error_reason":"Invalid refresh token","error_description":"refresh token is invalid","error":-14014}"""),
            "500" => _ => StubResponse.Json(500, "oops"),
            _ => throw new ArgumentException(refresh),
        };
        var before = DateTimeOffset.UtcNow;

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        var token = Assert.Single(bot.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal(ZaloBot.AppSecret, token.Headers["secret_key"]);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string> { ["app_id"] = ZaloBot.AppId, ["grant_type"] = "refresh_token", ["refresh_token"] = ZaloBot.InitialRefreshToken },
            token.Form.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary());
        Assert.True(bot.MessageRequests.Count == sends, $"[{name}] {bot.MessageRequests.Count} consultation calls");
        Assert.Equal(ZaloBot.InitialAccessToken, bot.MessageRequests[0].Headers["access_token"]);
        var stored = await bot.TokenHashAsync();
        Assert.Equal(pair, $"{stored["access_token"]}/{stored["refresh_token"]}");
        if (outcome == SendOutcome.Accepted)
        {
            Assert.Equal("after-refresh", result.ProviderMessageId);
            Assert.Equal("access-token-2", bot.MessageRequests[1].Headers["access_token"]);
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(stored["expires_at"], CultureInfo.InvariantCulture));
            Assert.InRange(expires, before.AddSeconds(90000), DateTimeOffset.UtcNow.AddSeconds(90000)); // expires_in "90000" seconds
        }
        if (refresh == "refused")
        {
            Assert.Equal("-14014", result.ErrorCode);
            Assert.Equal("1", stored["refused"]);
        }
    }

    [Fact]
    public async Task Two_sends_hitting_an_expired_token_at_once_spend_the_refresh_token_once()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        bot.Send = r => r.Headers["access_token"] == "access-token-2"
            ? StubResponse.Json(200, ZaloBot.Sent(Guid.NewGuid().ToString("N")))
            : StubResponse.Json(200, ZaloBot.Error(-216, "Access token is invalid"));
        // A slow token endpoint, so the second send finds the lock held and waits for the first one's pair.
        bot.Refresh = _ => StubResponse.Json(200, ZaloBot.Tokens("access-token-2", "refresh-token-2")) with { Delay = TimeSpan.FromMilliseconds(500) };

        var sends = Enumerable.Range(0, 4).Select(_ =>
            bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None));
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Single(bot.TokenRequests);
        Assert.Equal("refresh-token-2", (await bot.TokenHashAsync())["refresh_token"]);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_sending()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        await bot.Redis.HashSetAsync(bot.Keys.ZaloTokens,
        [
            new("access_token", "access-token-old"),
            new("refresh_token", "refresh-token-old"),
            new("expires_at", DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeMilliseconds()), // within Zalo:RefreshAhead (1 h)
        ]);

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("refresh-token-old", Assert.Single(bot.TokenRequests).Form["refresh_token"]);
        Assert.Equal("access-token-2", Assert.Single(bot.MessageRequests).Headers["access_token"]);
        Assert.Equal("refresh-token-2", (await bot.TokenHashAsync())["refresh_token"]);
    }

    [Fact]
    public async Task A_token_with_hours_left_is_used_as_it_is()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        await bot.Redis.HashSetAsync(bot.Keys.ZaloTokens,
        [
            new("access_token", "access-token-fresh"),
            new("refresh_token", "refresh-token-fresh"),
            new("expires_at", DateTimeOffset.UtcNow.AddHours(20).ToUnixTimeMilliseconds()),
        ]);

        await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None);

        Assert.Empty(bot.TokenRequests);
        Assert.Equal("access-token-fresh", Assert.Single(bot.MessageRequests).Headers["access_token"]);
    }

    [Fact]
    public async Task The_first_send_seeds_Redis_from_configuration_with_an_unknown_expiry()
    {
        await using var bot = await ZaloBot.StartAsync(redis);
        Assert.Empty(await bot.TokenHashAsync());

        await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None);

        var stored = await bot.TokenHashAsync();
        Assert.Equal(ZaloBot.InitialAccessToken, stored["access_token"]);
        Assert.Equal(ZaloBot.InitialRefreshToken, stored["refresh_token"]);
        Assert.Equal("0", stored["expires_at"]); // unknown: used until Zalo says it expired
        Assert.Empty(bot.TokenRequests);
    }

    /// <summary>
    /// name; what Redis holds; configuration tokens; the pair used. Redis wins over configuration once it
    /// holds a pair (each refresh rotates it), except a pair Zalo refused when configuration holds a new one.
    /// </summary>
    public static TheoryData<string, string, string, string> Seeding() => new()
    {
        { "a rotated pair beats the configuration it came from", "rotated", "initial", "access-token-rotated" },
        { "a rotated pair beats new configuration while it works", "rotated", "new", "access-token-rotated" },
        { "a refused pair with the same configuration stays (nothing better to use)", "refused-initial", "initial", "access-token-initial" },
        { "a refused pair gives way to new configuration", "refused-initial", "new", "access-token-new" },
    };

    [Theory]
    [MemberData(nameof(Seeding))]
    public async Task Seed(string name, string stored, string configured, string used)
    {
        var tokens = configured == "new"
            ? new Dictionary<string, string?> { ["Zalo:AccessToken"] = "access-token-new", ["Zalo:RefreshToken"] = "refresh-token-new" }
            : new Dictionary<string, string?>();
        await using var first = await ZaloBot.StartAsync(redis);
        await first.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "seed"), CancellationToken.None);
        if (stored == "rotated")
        {
            await first.Redis.HashSetAsync(first.Keys.ZaloTokens, [new("access_token", "access-token-rotated"), new("refresh_token", "refresh-token-rotated")]);
        }
        else
        {
            first.Send = _ => StubResponse.Json(200, ZaloBot.Error(-216, "Access token is invalid"));
            first.Refresh = _ => StubResponse.Json(200, """{"error":-14014,"error_description":"refresh token is invalid"}""");
            await first.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "refused"), CancellationToken.None);
        }
        // Another instance (same Redis keys) starting with the configuration under test.
        tokens["Redis:KeyPrefix"] = first.Host.KeyPrefix;
        await using var second = await ZaloBot.StartAsync(redis, tokens);

        await second.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "which token?"), CancellationToken.None);

        Assert.True(Assert.Single(second.MessageRequests).Headers["access_token"] == used, $"[{name}] used {second.MessageRequests[0].Headers["access_token"]}");
    }

    /// <summary>name; what goes wrong on the way; expected outcome. A request that never reached Zalo is safe to repeat; one that got there unanswered is not.</summary>
    public static TheoryData<string, string, SendOutcome> TransportFailures() => new()
    {
        { "connection refused: never sent", "closed-port", SendOutcome.RetryLater },
        { "no answer within RequestTimeout: maybe sent", "slow-answer", SendOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task Transport_failure(string name, string failure, SendOutcome outcome)
    {
        var settings = new Dictionary<string, string?> { ["Zalo:RequestTimeout"] = "00:00:01" };
        if (failure == "closed-port")
        {
            settings["Zalo:ApiBaseUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        }
        await using var bot = await ZaloBot.StartAsync(redis, settings);
        bot.Send = _ => StubResponse.Json(200, ZaloBot.Sent("late")) with { Delay = TimeSpan.FromSeconds(10) };

        var result = await bot.Sender.SendAsync(new OutgoingMessage(Delivery.NewId(), ZaloBot.NewUserId(), "Xin chào"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.False(string.IsNullOrEmpty(result.Error));
    }
}
