namespace SmsGateway.Android;

/// <summary>
/// How this gateway reaches the "SMS Gateway for Android" app on the phone, and how it checks the
/// webhooks the phone sends back; bound from the <c>AndroidGateway</c> section.
/// </summary>
public sealed class AndroidGatewayOptions
{
    public const string Section = "AndroidGateway";

    /// <summary>
    /// The app's API: local mode <c>http://&lt;phone-ip&gt;:8080</c> (Settings → Local server), or the
    /// cloud relay <c>https://api.sms-gate.app/3rdparty/v1</c>. Messages go to <c>{BaseUrl}/messages</c>.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The app's Basic-auth user (local mode default "sms").</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Settings → Webhooks → Signing Key on the phone: every webhook is signed with it.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Sends per minute across every instance. Carriers block a SIM that sends too fast; the app's
    /// docs say most allow 30–200 SMS an hour, so the default (10 a minute) is already at the top.
    /// </summary>
    public int MessagesPerMinute { get; set; } = 10;

    /// <summary>Which SIM slot (1–3) sends; empty lets the app choose (its own rotation setting).</summary>
    public int? SimNumber { get; set; }

    /// <summary>How long one send call may take; a call that times out after going out is reported unknown, never resent.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Webhooks whose <c>X-Timestamp</c> is further than this from our clock are refused (replays).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The send endpoint, whatever the operator wrote at the end of <see cref="BaseUrl"/>.</summary>
    public Uri MessagesUri => new(BaseUrl.Trim().TrimEnd('/') + "/messages");

    /// <summary>True when <see cref="BaseUrl"/> is an absolute http(s) address.</summary>
    public bool HasValidBaseUrl =>
        Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query);
}
