using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Twilio;

/// <summary>
/// SmsGateway with <c>Sms:Provider=twilio</c> in-process, its Twilio API replaced by a
/// <see cref="StubHttpServer"/>, and helpers to call its webhooks the way Twilio does: a form body
/// signed (by <see cref="TwilioTestSigner"/>) for the public URL Twilio is configured with.
/// </summary>
internal sealed class TwilioGateway : IAsyncDisposable
{
    public const string AccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string From = "+15005550006";
    public const string PublicBaseUrl = "https://sms.example.test";

    private TwilioGateway(GatewayHost host, StubHttpServer api)
    {
        Host = host;
        Api = api;
    }

    public GatewayHost Host { get; }

    /// <summary>Stands in for api.twilio.com.</summary>
    public StubHttpServer Api { get; }

    public SubscriberStore Subscribers => Host.Get<SubscriberStore>();
    public DeliveryStore Deliveries => Host.Get<DeliveryStore>();
    public ISmsProvider Provider => Host.Get<ISmsProvider>();

    /// <param name="settings">Overrides of the Twilio settings (null removes one).</param>
    public static async Task<TwilioGateway> StartAsync(RedisServer redis, IDictionary<string, string?>? settings = null, Action<StubHttpServer>? api = null)
    {
        var stub = await StubHttpServer.StartAsync();
        api?.Invoke(stub);
        var all = new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "twilio",
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = From,
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:ApiBaseUrl"] = stub.BaseAddress.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        try
        {
            return new TwilioGateway(await GatewayHost.StartAsync(redis, all), stub);
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    /// <summary>A number no other test uses, so each test has its own subscriber.</summary>
    public static string NewNumber() => "+8491" + Random.Shared.Next(1_000_000, 9_999_999);


    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>The fields Twilio posts for an inbound SMS (docs "webhook-request"), in Twilio's order.</summary>
    public static List<(string Name, string Value)> InboundFields(string from, string body, string? messageSid = null)
    {
        var sid = messageSid ?? NewMessageSid();
        return
        [
            ("ToCountry", "US"), ("ToState", "CA"), ("SmsMessageSid", sid), ("NumMedia", "0"), ("ToCity", ""),
            ("FromZip", ""), ("SmsSid", sid), ("FromState", ""), ("SmsStatus", "received"), ("FromCity", ""),
            ("Body", body), ("FromCountry", "VN"), ("To", From), ("ToZip", ""), ("NumSegments", "1"),
            ("MessageSid", sid), ("AccountSid", AccountSid), ("From", from), ("ApiVersion", "2010-04-01"),
        ];
    }

    /// <summary>The fields of a status callback.</summary>
    public static List<(string Name, string Value)> StatusFields(string messageSid, string status, string? errorCode = null)
    {
        List<(string, string)> fields =
        [
            ("SmsSid", messageSid), ("SmsStatus", status), ("MessageStatus", status), ("To", "+84912345678"),
            ("MessageSid", messageSid), ("AccountSid", AccountSid), ("From", From), ("ApiVersion", "2010-04-01"),
        ];
        if (errorCode is not null)
        {
            fields.Add(("ErrorCode", errorCode));
        }
        return fields;
    }

    /// <summary>Form encoding as Twilio writes it (spaces as '+').</summary>
    public static string Encode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => Escape(f.Name) + "=" + Escape(f.Value)));

    public static string Sign(string url, IEnumerable<(string Name, string Value)> fields, string authToken = AuthToken) =>
        TwilioTestSigner.Sign(authToken, url, fields);

    /// <summary>POSTs a form signed for <see cref="PublicBaseUrl"/> + <paramref name="pathAndQuery"/>, as Twilio would.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string pathAndQuery, IReadOnlyList<(string Name, string Value)> fields) =>
        PostAsync(pathAndQuery, Encoding.UTF8.GetBytes(Encode(fields)), Sign(PublicBaseUrl + pathAndQuery, fields));

    /// <summary>POSTs a raw form body with the given signature header (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, byte[] body, string? signature, bool chunked = false, string contentType = "application/x-www-form-urlencoded")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/'));
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        }
        return await Host.Client.SendAsync(request);
    }

    /// <summary>An inbound SMS through the signed webhook; the response and the texts of its TwiML &lt;Message&gt;s.</summary>
    public async Task<(HttpResponseMessage Response, string Twiml, string[] Replies)> TextAsync(string from, string body, string? messageSid = null)
    {
        var response = await PostSignedAsync("/sms/twilio/inbound", InboundFields(from, body, messageSid));
        var twiml = await response.Content.ReadAsStringAsync();
        return (response, twiml, response.IsSuccessStatusCode ? Messages(twiml) : []);
    }

    public static string[] Messages(string twiml) =>
        [.. XDocument.Parse(twiml).Root!.Elements("Message").Select(m => m.Value)];

    /// <summary>The literal opening of a system reply ("opted_out") or FAQ answer ("faq:vneid") as SMS renders it (unaccented).</summary>
    public string Opening(string expected)
    {
        var content = Host.Get<ContentStore>().Current;
        var source = expected.StartsWith("faq:", StringComparison.Ordinal)
            ? content.FindFaq(expected[4..])!.SmsAnswer.Source
            : content.Reply(expected).Sms.Source;
        var brace = source.IndexOf('{', StringComparison.Ordinal);
        var literal = brace < 0 ? source : source[..brace];
        return SmsPreview.For(literal[..Math.Min(literal.Length, 40)]).UnaccentedText;
    }

    /// <summary>Waits (at most 10 s) until <paramref name="done"/> holds for the delivery.</summary>
    public async Task<Delivery> WaitForDeliveryAsync(string id, Func<Delivery, bool> done) =>
        (await Eventually.GetAsync(
            () => Deliveries.GetAsync(id),
            d => d is not null && done(d),
            d => $"delivery {id} is {d?.Status.ToString() ?? "missing"} after {d?.Attempts} attempts ({d?.ErrorCode} {d?.Error})"))!;

    public async Task<SubscriberStatus?> SubscriberStatusAsync(string number) =>
        (await Subscribers.FindAsync(Channel.Sms, number))?.Status;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>A body HttpClient must send chunked, because it cannot know the length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
