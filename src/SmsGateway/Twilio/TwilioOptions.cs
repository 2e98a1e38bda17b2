namespace SmsGateway.Twilio;

/// <summary>The Twilio account and addresses; bound from <c>Twilio</c> and checked at start-up when <c>Sms:Provider</c> is twilio.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The account (AC…) whose Messages resource we post to; with <see cref="AuthToken"/> it is the Basic auth pair.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>Signs Twilio's webhooks to us and authenticates our API calls. A secret: never logged.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>Our Twilio number in E.164; used when no <see cref="MessagingServiceSid"/> is set.</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service (MG…) that picks the sender; preferred over <see cref="From"/> when both are set.</summary>
    public string? MessagingServiceSid { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>
    /// Where Twilio reaches us from the internet (https://sms.example.vn). Signatures are checked
    /// against this, not the Host header, because a proxy sits in between; StatusCallback URLs start with it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How long one Create Message call may take before its outcome is unknown.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The status callback URL of one delivery: our id in the query lets the callback find it even before the MessageSid is stored.</summary>
    public string StatusCallbackFor(string deliveryId) =>
        $"{PublicBaseUrl.TrimEnd('/')}{TwilioRoutes.Status}?{TwilioRoutes.DeliveryQuery}={Uri.EscapeDataString(deliveryId)}";
}
