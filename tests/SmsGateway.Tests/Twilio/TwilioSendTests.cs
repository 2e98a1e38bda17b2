using System.Net.Http.Headers;
using System.Text;
using Campaign.Core.Delivery;
using Campaign.TestSupport;
using SmsGateway.Twilio;

namespace SmsGateway.Tests.Twilio;

/// <summary>The Twilio client (the gateway's <c>ISmsProvider</c>) against a stub of the Create Message API.</summary>
[Collection(UsesRedis.Name)]
public sealed class TwilioSendTests(RedisServer redis)
{
    /// <summary>Twilio's own 201 answer, verbatim from twilio-csharp's MessageResourceTest (protocols.md §1.1).</summary>
    public const string Created = """{"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","api_version":"2010-04-01","body":"O Slash: \u00d8, PoP: \ud83d\udca9","date_created":"Thu, 30 Jul 2015 20:12:31 +0000","date_sent":"Thu, 30 Jul 2015 20:12:33 +0000","date_updated":"Thu, 30 Jul 2015 20:12:33 +0000","direction":"outbound-api","error_code":null,"error_message":null,"from":"+14155552345","messaging_service_sid":"MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","num_media":"0","num_segments":"1","price":"-0.00750","price_unit":"USD","sid":"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","status":"sent","subresource_uris":{"media":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Media.json"},"to":"+14155552345","uri":"/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"}""";

    public static string Error(int code, string message, int status) =>
        $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""";

    /// <summary>name; HTTP status; body; response headers ("Name: value"); expected outcome, ErrorCode, RetryAfter seconds, MessageSid.</summary>
    public static TheoryData<string, int, string, string[], SendOutcome, string?, int?, string?> Answers() => new()
    {
        { "201 created", 201, Created, [], SendOutcome.Accepted, null, null, "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
        { "21211 invalid To", 400, Error(21211, "The 'To' number 5551234567 is not a valid phone number.", 400), [], SendOutcome.Rejected, "21211", null, null },
        { "21610 unsubscribed recipient", 400, Error(21610, "Attempt to send to unsubscribed recipient", 400), [], SendOutcome.RecipientOptedOut, "21610", null, null },
        { "20003 authentication failed", 401, Error(20003, "Authenticate", 401), [], SendOutcome.Unauthorized, "20003", null, null },
        { "401 with no body", 401, "", [], SendOutcome.Unauthorized, "http_401", null, null },
        { "429 with Retry-After seconds", 429, Error(20429, "Too Many Requests", 429), ["Retry-After: 7"], SendOutcome.RetryLater, "20429", 7, null },
        { "429 without Retry-After", 429, Error(20429, "Too Many Requests", 429), [], SendOutcome.RetryLater, "20429", null, null },
        { "500", 500, Error(20500, "Internal Server Error", 500), [], SendOutcome.RetryLater, "20500", null, null },
        { "503 from a proxy, HTML, Retry-After", 503, "<html><body>busy</body></html>", ["Retry-After: 120"], SendOutcome.RetryLater, "http_503", 120, null },
        { "other 4xx: 21606 From not SMS-capable", 400, Error(21606, "The From phone number is not a valid, SMS-capable inbound phone number", 400), [], SendOutcome.Rejected, "21606", null, null },
        { "404 without JSON", 404, "not found", [], SendOutcome.Rejected, "http_404", null, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer(string name, int status, string body, string[] headers, SendOutcome outcome, string? errorCode, int? retryAfterSeconds, string? messageSid)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        gateway.Api.Handler = _ => StubResponse.Json(status, body) with
        {
            Headers = headers.ToDictionary(h => h[..h.IndexOf(':', StringComparison.Ordinal)], h => h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()),
        };

        var result = await gateway.Provider.SendAsync(new OutgoingMessage(Delivery.NewId(), TwilioGateway.NewNumber(), "Xin chao"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
        Assert.Equal(messageSid, result.ProviderMessageId);
        if (outcome != SendOutcome.Accepted)
        {
            Assert.False(string.IsNullOrEmpty(result.Error), $"[{name}] no Error text");
        }
    }

    [Fact]
    public async Task The_request_is_Create_Message_field_by_field()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        gateway.Api.Handler = _ => StubResponse.Json(201, Created);
        var id = Delivery.NewId();
        var number = TwilioGateway.NewNumber();
        const string text = "Chào bà con & <xã> 100% + đủ";

        var result = await gateway.Provider.SendAsync(new OutgoingMessage(id, number, text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = Assert.Single(gateway.Api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{TwilioGateway.AccountSid}/Messages.json", request.PathAndQuery);
        var auth = AuthenticationHeaderValue.Parse(request.Headers["Authorization"]);
        Assert.Equal("Basic", auth.Scheme);
        Assert.Equal($"{TwilioGateway.AccountSid}:{TwilioGateway.AuthToken}", Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter!)));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        var form = request.Form;
        Assert.Equal(number, form["To"]);
        Assert.Equal(TwilioGateway.From, form["From"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
        Assert.Equal(text, form["Body"]);
        Assert.Equal($"https://sms.example.test/sms/twilio/status?d={id}", form["StatusCallback"]);
        Assert.Equal(["Body", "From", "StatusCallback", "To"], form.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_a_Messaging_Service_it_sends_MessagingServiceSid_instead_of_From()
    {
        await using var gateway = await TwilioGateway.StartAsync(redis, new Dictionary<string, string?>
        {
            ["Twilio:From"] = null,
            ["Twilio:MessagingServiceSid"] = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        });
        gateway.Api.Handler = _ => StubResponse.Json(201, Created);

        var result = await gateway.Provider.SendAsync(new OutgoingMessage(Delivery.NewId(), TwilioGateway.NewNumber(), "Xin chao"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var form = Assert.Single(gateway.Api.Requests).Form;
        Assert.Equal("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    /// <summary>name; what goes wrong on the way; expected outcome. The request never reaching Twilio is safe to repeat; one that got there but was not answered is not.</summary>
    public static TheoryData<string, string, SendOutcome> TransportFailures() => new()
    {
        { "connection refused: never sent", "closed-port", SendOutcome.RetryLater },
        { "no answer within RequestTimeout: maybe sent", "slow-answer", SendOutcome.Unknown },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task Transport_failure(string name, string failure, SendOutcome outcome)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:RequestTimeout"] = "00:00:01" };
        if (failure == "closed-port")
        {
            settings["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        }
        await using var gateway = await TwilioGateway.StartAsync(redis, settings);
        gateway.Api.Handler = _ => StubResponse.Json(201, Created) with { Delay = TimeSpan.FromSeconds(10) };

        var result = await gateway.Provider.SendAsync(new OutgoingMessage(Delivery.NewId(), TwilioGateway.NewNumber(), "Xin chao"), CancellationToken.None);

        Assert.True(result.Outcome == outcome, $"[{name}] expected {outcome}, got {result}");
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    /// <summary>Retry-After as seconds, as an HTTP date (the wait until then), in the past (no wait), absent.</summary>
    public static TheoryData<string, string?, int?> RetryAfterHeaders() => new()
    {
        { "seconds", "7", 7 },
        { "HTTP date", "Tue, 01 Dec 2026 10:00:30 GMT", 30 },
        { "date already past", "Tue, 01 Dec 2026 09:59:00 GMT", 0 },
        { "absent", null, null },
    };

    [Theory]
    [MemberData(nameof(RetryAfterHeaders))]
    public void Retry_After(string name, string? header, int? seconds)
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var value = header is null ? null : RetryConditionHeaderValue.Parse(header);
        Assert.True(TwilioSendAnswer.Wait(value, now) == (seconds is { } s ? TimeSpan.FromSeconds(s) : null), $"[{name}]");
    }
}
