using System.Net.Http.Headers;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.TestSupport;
using CampaignBot.Channels.Messenger;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary><see cref="MessengerSender"/> (the channel's <see cref="IChannelSender"/>) against a stub of the Send API.</summary>
[Collection(UsesRedis.Name)]
public sealed class MessengerSendTests(RedisServer redis)
{
    /// <summary>A Graph API error body, as Meta writes it.</summary>
    public static string Error(int code, string message, int? subcode = null, string type = "OAuthException") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["error"] = new Dictionary<string, object?>
            {
                ["message"] = message,
                ["type"] = type,
                ["code"] = code,
                ["error_subcode"] = subcode,
                ["fbtrace_id"] = "AbCdEfGhIjK",
            }.Where(p => p.Value is not null).ToDictionary(),
        });

    /// <summary>name; HTTP status; body; response headers ("Name: value"); expected outcome, ErrorCode, RetryAfter seconds, message id.</summary>
    public static TheoryData<string, int, string, string[], SendOutcome, string?, int?, string?> Answers() => new()
    {
        { "200: sent, with its message id", 200, MessengerBot.Sent, [], SendOutcome.Accepted, null, null, "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P" },
        { "190 invalid token: credentials refused", 400, Error(190, "Invalid OAuth access token."), [], SendOutcome.Unauthorized, "190", null, null },
        { "190/463 expired token", 400, Error(190, "Error validating access token: Session has expired", 463), [], SendOutcome.Unauthorized, "190/463", null, null },
        { "401 without a body", 401, "", [], SendOutcome.Unauthorized, "http_401", null, null },
        { "10/2018278 outside the allowed window", 400, Error(10, "(#10) This message is sent outside of allowed window.", 2018278), [], SendOutcome.OutsideWindow, "10/2018278", null, null },
        { "10 without a subcode: the window family", 403, Error(10, "(#10) This message is sent outside of allowed window.", type: "OAuthException"), [], SendOutcome.OutsideWindow, "10", null, null },
        { "551/1545041 person unavailable (blocked the Page): opted out, not retried", 400, Error(551, "This person isn't available right now.", 1545041), [], SendOutcome.RecipientOptedOut, "551/1545041", null, null },
        { "613 rate limit", 400, Error(613, "Calls to this api have exceeded the rate limit."), [], SendOutcome.RetryLater, "613", null, null },
        { "4 application request limit", 400, Error(4, "(#4) Application request limit reached"), [], SendOutcome.RetryLater, "4", null, null },
        { "32 Page request limit", 400, Error(32, "Page request limit reached"), [], SendOutcome.RetryLater, "32", null, null },
        { "2 temporary service error", 500, Error(2, "An unexpected error has occurred. Please retry your request later.", type: "OAuthException"), [], SendOutcome.RetryLater, "2", null, null },
        { "1200 temporary send failure", 500, Error(1200, "Temporary send message failure. Please try again later"), [], SendOutcome.RetryLater, "1200", null, null },
        { "429 with Retry-After", 429, "", ["Retry-After: 30"], SendOutcome.RetryLater, "http_429", 30, null },
        { "500 HTML from a proxy", 500, "<html><body>error</body></html>", [], SendOutcome.RetryLater, "http_500", null, null },
        { "503 with Retry-After", 503, "", ["Retry-After: 7"], SendOutcome.RetryLater, "http_503", 7, null },
        { "100 invalid parameter: refused", 400, Error(100, "(#100) No matching user found", 2018001), [], SendOutcome.Rejected, "100/2018001", null, null },
        { "404 without JSON", 404, "not found", [], SendOutcome.Rejected, "http_404", null, null },
        { "a redirect: may or may not have been sent", 302, "", [], SendOutcome.Unknown, "http_302", null, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer(string name, int status, string body, string[] headers, SendOutcome outcome, string? errorCode, int? retryAfterSeconds, string? messageId)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        bot.Graph.Handler = _ => StubResponse.Json(status, body) with
        {
            Headers = headers.ToDictionary(h => h[..h.IndexOf(':', StringComparison.Ordinal)], h => h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()),
        };
        var psid = await RecentlyWroteAsync(bot);

        var result = await bot.Host.Get<MessengerSender>().SendAsync(new OutgoingMessage(Delivery.NewId(), psid, "Xin chào bà con"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
        Assert.Equal(messageId, result.ProviderMessageId);
        if (outcome != SendOutcome.Accepted)
        {
            Assert.False(string.IsNullOrEmpty(result.Error), $"[{name}] no Error text");
        }
        if (body.Contains("fbtrace_id", StringComparison.Ordinal))
        {
            Assert.Contains("AbCdEfGhIjK", result.Error, StringComparison.Ordinal); // for Meta support
        }
    }

    [Fact]
    public async Task The_request_is_the_Send_API_field_by_field()
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = await RecentlyWroteAsync(bot);
        ReplyChoice[] choices = [new("Định danh điện tử VNeID", "1"), new("Cảnh giác lừa đảo trên mạng", "2"), new("Thanh toán không dùng tiền mặt", "3"), new("", "4")];

        var result = await bot.Host.Get<MessengerSender>().SendAsync(new OutgoingMessage(Delivery.NewId(), psid, "Các chủ đề: \"1\" & <2>", choices), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = Assert.Single(bot.Graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v26.0/{MessengerBot.PageId}/messages", request.PathAndQuery); // no access_token in the URL
        var auth = AuthenticationHeaderValue.Parse(request.Headers["Authorization"]);
        Assert.Equal("Bearer", auth.Scheme);
        Assert.Equal(MessengerBot.PageAccessToken, auth.Parameter);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        Assert.Equal(["recipient", "messaging_type", "message"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(psid, root.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("RESPONSE", root.GetProperty("messaging_type").GetString());
        var message = root.GetProperty("message");
        Assert.Equal("Các chủ đề: \"1\" & <2>", message.GetProperty("text").GetString());
        var quickReplies = message.GetProperty("quick_replies").EnumerateArray()
            .Select(q => (Type: q.GetProperty("content_type").GetString(), Title: q.GetProperty("title").GetString(), Payload: q.GetProperty("payload").GetString()))
            .ToArray();
        Assert.Equal(
            [("text", "Định danh điện tử…", "1"), ("text", "Cảnh giác lừa đảo…", "2"), ("text", "Thanh toán không…", "3"), ("text", "4", "4")],
            quickReplies);
    }

    /// <summary>name; text length; number of choices; a label; expected: text length at most, quick replies sent, the label's title.</summary>
    public static TheoryData<string, int, int, string, int, int, string> Limits() => new()
    {
        { "a short reply goes as it is", 600, 9, "Dịch vụ công trực tuyến", 600, 9, "Dịch vụ công trực…" },
        { "over 2000 characters is cut, with an ellipsis", 2500, 0, "x", 2000, 0, "" },
        { "14 choices: the first 13 as quick replies", 100, 14, "Học kỹ năng số", 100, 13, "Học kỹ năng số" },
        { "a label of exactly 20 characters is kept", 100, 1, "Chuyển đổi số là gì?", 100, 1, "Chuyển đổi số là gì?" },
        { "one long word is cut inside it", 100, 1, "Supercalifragilisticexpialidocious", 100, 1, "Supercalifragilisti…" },
        { "a label in decomposed marks is composed first", 100, 1, "Tho\u0302n chu\u031Ba co\u0301 so\u0301ng", 100, 1, "Thôn chưa có sóng" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Messenger_limits(string name, int textLength, int choiceCount, string label, int maxText, int quickReplies, string title)
    {
        var words = string.Concat(Enumerable.Repeat("Bà con nhắn tin ", (textLength / 16) + 1))[..textLength];
        var choices = Enumerable.Range(1, choiceCount).Select(i => new ReplyChoice(label, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        using var doc = JsonDocument.Parse(SendApiMessage.Build(new OutgoingMessage("d1", "123", words, choices)));
        var message = doc.RootElement.GetProperty("message");
        var text = message.GetProperty("text").GetString()!;

        Assert.True(text.Length <= maxText, $"[{name}] {text.Length} characters");
        Assert.True(text.Length > maxText - 40, $"[{name}] cut too much: {text.Length}");
        if (textLength > maxText)
        {
            Assert.EndsWith("…", text, StringComparison.Ordinal);
        }
        var sent = message.TryGetProperty("quick_replies", out var qr) ? qr.EnumerateArray().ToArray() : [];
        Assert.Equal(quickReplies, sent.Length);
        if (quickReplies > 0)
        {
            Assert.Equal(title, sent[0].GetProperty("title").GetString());
            Assert.All(sent, q => Assert.InRange(q.GetProperty("title").GetString()!.Length, 1, 20));
            Assert.Equal(Enumerable.Range(1, quickReplies).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sent.Select(q => q.GetProperty("payload").GetString()));
        }
    }

    /// <summary>name; what goes wrong on the way; expected outcome. The request never reaching Meta is safe to repeat; one that got there but was not answered is not.</summary>
    public static TheoryData<string, string, SendOutcome> TransportFailures() => new()
    {
        { "connection refused: never sent", "closed-port", SendOutcome.RetryLater },
        { "no answer within RequestTimeout: maybe sent", "slow-answer", SendOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task Transport_failure(string name, string failure, SendOutcome outcome)
    {
        var settings = new Dictionary<string, string?> { ["Messenger:RequestTimeout"] = "00:00:01" };
        if (failure == "closed-port")
        {
            settings["Messenger:GraphApiBaseUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        }
        await using var bot = await MessengerBot.StartAsync(redis, settings);
        bot.Graph.Handler = _ => StubResponse.Json(200, MessengerBot.Sent) with { Delay = TimeSpan.FromSeconds(10) };
        var psid = await RecentlyWroteAsync(bot);

        var result = await bot.Host.Get<MessengerSender>().SendAsync(new OutgoingMessage(Delivery.NewId(), psid, "Xin chào"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    /// <summary>name; when the resident last wrote (hours ago; null: never); whether Meta is called. Outside the standard window nothing is sent.</summary>
    public static TheoryData<string, double?, bool> Windows() => new()
    {
        { "wrote a minute ago", 1.0 / 60, true },
        { "wrote 23 hours ago", 23, true },
        { "wrote 25 hours ago: outside the window", 25, false },
        { "never wrote to the Page", null, false },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Standard_window(string name, double? hoursAgo, bool sent)
    {
        await using var bot = await MessengerBot.StartAsync(redis);
        var psid = MessengerBot.NewPsid();
        if (hoursAgo is { } hours)
        {
            await bot.Subscribers.TouchAsync(Channel.Messenger, psid, DateTimeOffset.UtcNow.AddHours(-hours));
        }

        var result = await bot.Host.Get<MessengerSender>().SendAsync(new OutgoingMessage(Delivery.NewId(), psid, "Tin mới của xã"), CancellationToken.None);

        Assert.True((result.Outcome == SendOutcome.Accepted) == sent, $"[{name}] {result}");
        Assert.Equal(sent ? 1 : 0, bot.Graph.Requests.Count);
        if (!sent)
        {
            Assert.Equal(SendOutcome.OutsideWindow, result.Outcome);
            Assert.Equal("outside_window", result.ErrorCode);
        }
    }

    [Fact]
    public async Task The_page_token_is_in_no_log_line_even_at_trace()
    {
        var logs = new CapturedLogs();
        await using var bot = await MessengerBot.StartAsync(
            redis,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            builder => builder.Logging.AddProvider(logs));
        bot.Graph.Handler = _ => StubResponse.Json(400, Error(190, "Invalid OAuth access token."));
        var psid = MessengerBot.NewPsid();

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "DK")]));
        await bot.WaitForSendsAsync(psid, 1);
        // The dispatcher's last word on this send: the provider is paused.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.Lines.Any(l => l.Contains("refused our credentials", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("/messages", StringComparison.Ordinal)); // HttpClient's request logging ran
        Assert.DoesNotContain(logs.Lines, l => l.Contains(MessengerBot.PageAccessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(MessengerBot.AppSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(psid, StringComparison.Ordinal));
    }

    private static async Task<string> RecentlyWroteAsync(MessengerBot bot)
    {
        var psid = MessengerBot.NewPsid();
        await bot.Subscribers.TouchAsync(Channel.Messenger, psid, DateTimeOffset.UtcNow);
        return psid;
    }

    /// <summary>Every log line, formatted, from every category.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
