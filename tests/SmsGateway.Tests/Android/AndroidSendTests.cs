using Campaign.Core.Delivery;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Android;

/// <summary>
/// The send call against a stub of the phone's API: each row is one answer from the phone (or no
/// answer at all) and the <see cref="SendResult"/> the dispatcher must get for it.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidSendTests(RedisServer redis)
{
    private const string To = "+84912000300";
    private const string Text = "Hop dan thon 3 luc 19h thu Bay tai nha van hoa.";

    /// <param name="Answer">The phone's answer to the request it receives.</param>
    /// <param name="Outcome">What the client must make of it.</param>
    private sealed record SendCase(Func<RecordedRequest, StubResponse> Answer, SendOutcome Outcome)
    {
        /// <summary>The provider id expected; "ours" means our delivery id.</summary>
        public string? ProviderMessageId { get; init; }

        public string? ErrorCode { get; init; }

        /// <summary>Words the error must contain.</summary>
        public string? Error { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        /// <summary>Extra settings (a short timeout, a SIM slot, a path in BaseUrl).</summary>
        public Dictionary<string, string?> Settings { get; init; } = [];

        /// <summary>Nothing listens at BaseUrl: the connection is refused before anything is sent.</summary>
        public bool NobodyListening { get; init; }

        /// <summary>The path the request must reach.</summary>
        public string Path { get; init; } = "/messages";

        public int? SimNumber { get; init; }
    }

    private static StubResponse Json(int status, string body) => StubResponse.Json(status, body);

    private static readonly Dictionary<string, SendCase> Table = new()
    {
        ["202 accepted: the provider id is the id we sent"] = new(AndroidHarness.Accept, SendOutcome.Accepted) { ProviderMessageId = "ours" },
        ["201 accepted"] = new(r => AndroidHarness.Accept(r) with { Status = 201 }, SendOutcome.Accepted) { ProviderMessageId = "ours" },
        ["200 accepted with an empty body"] = new(_ => Json(200, ""), SendOutcome.Accepted) { ProviderMessageId = "ours" },
        ["409 id reused: the phone already has it"] =
            new(_ => Json(409, """{"message":"message with id already exists"}"""), SendOutcome.Accepted) { ProviderMessageId = "ours" },
        ["400 rejected with the app's message"] =
            new(_ => Json(400, """{"message":"invalid phone number: +84912000300 is not a mobile number"}"""), SendOutcome.Rejected) { ErrorCode = "400", Error = "not a mobile number" },
        ["401 bad credentials"] = new(_ => Json(401, """{"message":"Unauthorized"}"""), SendOutcome.Unauthorized) { ErrorCode = "401", Error = "AndroidGateway:Username/Password" },
        ["403 forbidden"] = new(_ => Json(403, """{"message":"Forbidden"}"""), SendOutcome.Unauthorized) { ErrorCode = "403" },
        ["404 no messages route: BaseUrl is wrong"] = new(_ => Json(404, """{"message":"Not Found"}"""), SendOutcome.Unauthorized) { ErrorCode = "404", Error = "AndroidGateway:BaseUrl" },
        ["503 QueueLimitExceeded with Retry-After"] =
            new(_ => Json(503, """{"error":"QueueLimitExceeded","message":"queue limits exceeded: 100 messages pending"}""") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "120" } },
                SendOutcome.RetryLater) { ErrorCode = "QueueLimitExceeded", Error = "queue limits exceeded", RetryAfter = TimeSpan.FromSeconds(120) },
        ["429 too many requests"] = new(_ => Json(429, "{}") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } }, SendOutcome.RetryLater) { ErrorCode = "429", RetryAfter = TimeSpan.FromSeconds(30) },
        ["500 from the app"] = new(_ => Json(500, """{"message":"internal error"}"""), SendOutcome.RetryLater) { ErrorCode = "500", Error = "internal error" },
        ["502 HTML page from a proxy"] = new(_ => new StubResponse(502, "<html>Bad Gateway</html>", "text/html"), SendOutcome.RetryLater) { ErrorCode = "502" },
        ["no answer before RequestTimeout: it may have gone out"] =
            new(r => AndroidHarness.Accept(r) with { Delay = TimeSpan.FromSeconds(30) }, SendOutcome.Unknown)
            { ErrorCode = "no-answer", Settings = new() { ["AndroidGateway:RequestTimeout"] = "00:00:01" } },
        ["connection refused: nothing was sent"] = new(AndroidHarness.Accept, SendOutcome.RetryLater) { ErrorCode = "unreachable", NobodyListening = true },
        ["SIM slot from AndroidGateway:SimNumber"] =
            new(AndroidHarness.Accept, SendOutcome.Accepted) { ProviderMessageId = "ours", SimNumber = 2, Settings = new() { ["AndroidGateway:SimNumber"] = "2" } },
        ["cloud-style BaseUrl with a path and a trailing slash"] =
            new(AndroidHarness.Accept, SendOutcome.Accepted) { ProviderMessageId = "ours", Path = "/3rdparty/v1/messages", Settings = new() { ["AndroidGateway:BaseUrl"] = "{stub}3rdparty/v1/" } },
    };

    public static TheoryData<string> Names => FixtureTable.Names(Table);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Phone_answer_maps_to_send_result(string name)
    {
        var row = Table[name];
        var settings = new Dictionary<string, string?>(row.Settings);
        if (row.NobodyListening)
        {
            settings["AndroidGateway:BaseUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        }
        await using var android = await AndroidHarness.StartAsync(redis, settings);
        android.Phone.Handler = row.Answer;
        await CheckAsync(android, row);
    }

    [Fact]
    public async Task Queued_sms_goes_through_the_dispatcher_to_the_phone()
    {
        await using var android = await AndroidHarness.StartAsync(redis);

        var queued = await android.Host.Get<SmsSender>().EnqueueAsync(To, Text, DeliveryKind.Operator);
        var sent = await android.WaitForStatusAsync(queued.Id, DeliveryStatus.Sent);

        var request = SentMessage.From(Assert.Single(android.Phone.Requests));
        request.AssertWellFormed(To);
        Assert.Equal(queued.Id, request.Id);
        Assert.Equal(queued.Text, request.Text);
        Assert.Equal(("android", queued.Id, 1), (sent.Provider, sent.ProviderMessageId, sent.Attempts));
    }

    [Fact]
    public async Task Full_phone_queue_puts_the_delivery_back_for_as_long_as_the_phone_asked()
    {
        await using var android = await AndroidHarness.StartAsync(redis);
        android.Phone.Handler = _ => StubResponse.Json(503, """{"error":"QueueLimitExceeded","message":"queue limits exceeded"}""")
            with { Headers = new Dictionary<string, string> { ["Retry-After"] = "600" } };

        var queued = await android.Host.Get<SmsSender>().EnqueueAsync(To, Text, DeliveryKind.Operator);
        await android.WaitForSendsAsync(1);
        var delivery = await WaitForRetryAsync(android, queued.Id);

        Assert.Equal((DeliveryStatus.Queued, "QueueLimitExceeded", 1), (delivery.Status, delivery.ErrorCode, delivery.Attempts));
        var due = await android.Redis.SortedSetScoreAsync(android.Keys.OutboxRetries(Campaign.Core.Conversations.Channel.Sms), queued.Id);
        Assert.NotNull(due);
        // Retry-After (600 s) wins over the dispatcher's first backoff (10 s).
        Assert.InRange(due.Value - delivery.UpdatedAt.ToUnixTimeMilliseconds(), 590_000, 600_000);
    }

    private static async Task<Delivery> WaitForRetryAsync(AndroidHarness android, string id)
    {
        var store = android.Host.Get<DeliveryStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var delivery = await store.GetAsync(id);
        while ((delivery is null || delivery.ErrorCode is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            delivery = await store.GetAsync(id);
        }
        Assert.NotNull(delivery);
        return delivery;
    }

    private static async Task CheckAsync(AndroidHarness android, SendCase row)
    {
        var deliveryId = Delivery.NewId();
        var result = await android.Host.Get<ISmsProvider>().SendAsync(new OutgoingMessage(deliveryId, To, Text), CancellationToken.None);

        Assert.Equal(row.Outcome, result.Outcome);
        Assert.Equal(row.ProviderMessageId == "ours" ? deliveryId : row.ProviderMessageId, result.ProviderMessageId);
        Assert.Equal(row.ErrorCode, result.ErrorCode);
        if (row.Error is not null)
        {
            Assert.Contains(row.Error, result.Error, StringComparison.Ordinal);
        }
        Assert.Equal(row.RetryAfter, result.RetryAfter);

        if (row.NobodyListening)
        {
            return;
        }
        var request = SentMessage.From(Assert.Single(android.Phone.Requests));
        request.AssertWellFormed(To, row.Path[..^"/messages".Length]);
        Assert.Equal(deliveryId, request.Id);
        Assert.Equal(Text, request.Text);
        Assert.Equal(row.SimNumber, request.SimNumber);
    }

}
