namespace CampaignBot.Channels.Messenger;

/// <summary>
/// The Facebook Page and Meta app the Messenger channel speaks for; bound from <c>Messenger</c>. The
/// channel is on when <see cref="AppSecret"/>, <see cref="VerifyToken"/> and <see cref="PageAccessToken"/> are set.
/// </summary>
public sealed class MessengerOptions
{
    public const string Section = "Messenger";

    /// <summary>The Meta app's secret: the key of <c>X-Hub-Signature-256</c> on every webhook. A secret: never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Our own string, entered in the app's webhook settings; Meta echoes it when it verifies the callback URL.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The Page access token (pages_messaging) the Send API is called with. A secret: never logged, never in a URL.</summary>
    public string PageAccessToken { get; set; } = "";

    /// <summary>The Page's id; without it the Send API is called as <c>/me/messages</c>, "me" being the token's Page.</summary>
    public string? PageId { get; set; }

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in the path; v26.0 is the newest listed in Meta's changelog (July 2026).</summary>
    public string GraphApiVersion { get; set; } = "v26.0";

    /// <summary>
    /// Messenger's standard messaging window: a Page may message a resident only this long after the
    /// resident last wrote. Outside it, sends are skipped as outside_window without calling Meta.
    /// </summary>
    public TimeSpan StandardWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one Send API call may take before its outcome is unknown.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>POST {GraphApiBaseUrl}/{GraphApiVersion}/{PageId or me}/messages.</summary>
    public Uri MessagesUrl =>
        new($"{GraphApiBaseUrl.TrimEnd('/')}/{GraphApiVersion}/{(string.IsNullOrWhiteSpace(PageId) ? "me" : Uri.EscapeDataString(PageId.Trim()))}/messages");
}
