using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;

namespace SmsGateway.Tests.Simulator;

/// <summary>
/// The simulator end to end: a "phone" posts through the same inbound pipeline as a real provider,
/// replies come back through the outbox, the dispatcher and the simulator provider.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class SimulatorTests(RedisServer redis) : IAsyncLifetime
{
    private GatewayHost _host = null!;
    private static int s_phone;

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(redis, new Dictionary<string, string?> { ["Sms:Provider"] = "simulator" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string NewPhone() => $"09130{Interlocked.Increment(ref s_phone) % 100000:00000}";

    private static string E164(string local) => "+84" + local[1..];

    private async Task<HttpResponseMessage> TextAsync(string phone, string text, string? id = null) =>
        await _host.Client.PostAsJsonAsync(new Uri($"simulator/api/phones/{phone}/messages", UriKind.Relative), new { id = id ?? Guid.NewGuid().ToString("N"), text });

    /// <summary>The messages the gateway sent to the phone, once <paramref name="count"/> have arrived.</summary>
    private async Task<IReadOnlyList<JsonElement>> RepliesAsync(string phone, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var body = await _host.Client.GetFromJsonAsync<JsonElement>(new Uri($"simulator/api/phones/{phone}/messages", UriKind.Relative));
            var outs = body.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("direction").GetString() == "out").ToArray();
            if (outs.Length >= count)
            {
                return outs;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"fewer than {count} replies arrived");
    }

    public static TheoryData<string, string[], string> Conversations => new()
    {
        { "subscribe", ["DK"], "Dang ky thanh cong" },
        { "stop in capitals", ["DK", "HUY"], "ngung gui tin" },
        { "stop with marks", ["DK", "Hủy"], "ngung gui tin" },
        { "stop in lower case", ["DK", "tc"], "ngung gui tin" },
        { "menu then a number", ["MENU", "1"], "" },
        { "unaccented question", ["lam can cuoc cho con o dau"], "" },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task A_phone_talks_to_the_gateway_through_the_sms_pipeline(string name, string[] messages, string lastReplyContains)
    {
        _ = name;
        var phone = NewPhone();
        foreach (var (message, i) in messages.Select((t, i) => (t, i)))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await TextAsync(phone, message)).StatusCode);
            await RepliesAsync(phone, i + 1); // one reply per message, in order
        }

        var last = (await RepliesAsync(phone, messages.Length))[^1];
        var text = last.GetProperty("text").GetString()!;
        Assert.Contains(lastReplyContains, text, StringComparison.Ordinal);
        // Every reply fits the segment limit, is GSM-7 (marks stripped), and says what it costs.
        var analysis = SmsEncoder.Analyze(text);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.InRange(analysis.Segments, 1, 3);
        Assert.Equal(analysis.Segments, last.GetProperty("segments").GetInt32());
        Assert.Equal("GSM-7", last.GetProperty("encoding").GetString());
        Assert.False(Diacritics.HasMarks(text));
    }

    [Fact]
    public async Task Stop_opts_the_subscriber_out_and_the_reply_delivery_is_recorded_with_its_segments()
    {
        var phone = NewPhone();
        await TextAsync(phone, "DK");
        await RepliesAsync(phone, 1);
        await TextAsync(phone, "HUY");
        var reply = (await RepliesAsync(phone, 2))[1];

        var subscriber = await _host.Get<SubscriberStore>().FindAsync(Channel.Sms, E164(phone));
        Assert.Equal(SubscriberStatus.OptedOut, subscriber!.Status);
        var delivery = await _host.Get<DeliveryStore>().GetAsync(reply.GetProperty("deliveryId").GetString()!);
        Assert.Equal(DeliveryKind.Reply, delivery!.Kind);
        Assert.Equal("simulator", delivery.Provider);
        Assert.Equal(reply.GetProperty("segments").GetInt32(), delivery.Segments);
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
    }

    [Fact]
    public async Task The_same_message_sent_twice_is_one_conversation_step()
    {
        var phone = NewPhone();
        await TextAsync(phone, "DK", id: "same-id");
        await RepliesAsync(phone, 1);
        var again = await TextAsync(phone, "DK", id: "same-id");

        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disposition").GetString());
        await Task.Delay(300);
        var history = await _host.Client.GetFromJsonAsync<JsonElement>(new Uri($"simulator/api/phones/{phone}/messages", UriKind.Relative));
        Assert.Equal(2, history.GetProperty("messages").GetArrayLength()); // one "DK" on screen, one reply
    }

    [Fact]
    public async Task The_page_showing_a_message_is_its_delivery_receipt()
    {
        var phone = NewPhone();
        await TextAsync(phone, "MENU");
        var reply = (await RepliesAsync(phone, 1))[0];
        var deliveryId = reply.GetProperty("deliveryId").GetString()!;

        var receipt = await _host.Client.PostAsJsonAsync(new Uri("simulator/api/receipts", UriKind.Relative), new { deliveryId });

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, (await _host.Get<DeliveryStore>().GetAsync(deliveryId))!.Status);
    }

    [Fact]
    public async Task Replies_arrive_live_on_an_open_page()
    {
        var phone = NewPhone();
        using var stream = await _host.Client.GetStreamAsync(new Uri($"simulator/api/phones/{phone}/live", UriKind.Relative));
        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("event: ready", await reader.ReadLineAsync(timeout.Token));
        await TextAsync(phone, "DK");

        var events = new List<string>();
        while (!events.Any(e => e.Contains("\"direction\":\"out\"", StringComparison.Ordinal)))
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(line);
            }
        }
        Assert.Contains(events, e => e.Contains("\"direction\":\"in\"", StringComparison.Ordinal) && e.Contains("\"text\":\"DK\"", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "not a phone number", "12345", """{"id":"a","text":"DK"}""", HttpStatusCode.BadRequest, "phone" },
        { "missing id", "0913999999", """{"text":"DK"}""", HttpStatusCode.BadRequest, "id" },
        { "missing text", "0913999999", """{"id":"b"}""", HttpStatusCode.BadRequest, "text" },
        { "text longer than an SMS body", "0913999999", $$"""{"id":"c","text":"{{new string('a', 1601)}}"}""", HttpStatusCode.BadRequest, "text" },
        { "body over the cap", "0913999999", $$"""{"id":"d","text":"{{new string('a', 20_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_clear_error(string name, string phone, string json, HttpStatusCode status, string field)
    {
        _ = name;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync(new Uri($"simulator/api/phones/{phone}/messages", UriKind.Relative), content);

        Assert.Equal(status, response.StatusCode);
        if (field.Length > 0)
        {
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task An_empty_message_gets_a_reply_not_an_error()
    {
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await TextAsync(phone, "")).StatusCode);
        Assert.NotEmpty((await RepliesAsync(phone, 1))[0].GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task The_page_and_the_preview_are_served()
    {
        var page = await _host.Client.GetAsync(new Uri("simulator", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("SMS simulator", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var preview = await _host.Client.GetFromJsonAsync<JsonElement>(new Uri("simulator/api/preview?text=" + Uri.EscapeDataString("Cộng đồng số"), UriKind.Relative));
        Assert.Equal("UCS-2", preview.GetProperty("encoding").GetString());
        Assert.Equal("Cong dong so", preview.GetProperty("unaccented").GetProperty("text").GetString());
        Assert.Equal("GSM-7", preview.GetProperty("unaccented").GetProperty("encoding").GetString());
    }
}
