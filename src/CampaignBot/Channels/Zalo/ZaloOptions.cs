namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account and the app linked to it; bound from <c>Zalo</c>. The channel is on when
/// the five credentials are set (see <see cref="ZaloChannel"/>). The delivery pipeline reads
/// <see cref="ConsultationWindow"/> to skip campaign pushes to residents who have not written lately.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    /// <summary>The Zalo app's id: part of every webhook signature and of the token refresh form.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The OA secret key of the app–OA link (not the app secret): it signs the webhooks. A secret.</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>The app's secret key, sent as the <c>secret_key</c> header when refreshing tokens. A secret.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The OA access token to start with; after the first refresh the one in Redis is used. A secret.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The refresh token to start with. Each refresh spends it and returns a new one, kept in Redis. A secret.</summary>
    public string RefreshToken { get; set; } = "";

    /// <summary>Where the OA API lives (the consultation message endpoint is under it).</summary>
    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    /// <summary>Where the OA access token is refreshed.</summary>
    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>
    /// How long after a resident last wrote the OA may still send them consultation messages. Zalo
    /// enforces it too (error -230); the delivery pipeline uses this to skip campaign pushes up front.
    /// </summary>
    public TimeSpan ConsultationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one call to Zalo may take before its outcome is unknown.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The access token is refreshed this long before it expires (Zalo issues them for about 25 hours).</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Offer a reply's choices as buttons (oa.query.show) under its numbered text, when there are at most five.</summary>
    public bool ChoiceButtons { get; set; } = true;

    /// <summary>API <c>error</c> codes meaning the access token is invalid or expired: refresh once and retry.</summary>
    public string TokenErrorCodes { get; set; } = "-216,-220,-124";

    /// <summary>Codes meaning the resident cannot get consultation messages now (not following, no interaction in 7 days).</summary>
    public string OutsideWindowErrorCodes { get; set; } = "-213,-230,-232";

    /// <summary>Codes meaning "not now" (request rate, message quota): the send is retried later.</summary>
    public string RetryLaterErrorCodes { get; set; } = "-32,-211,-218";

    /// <summary>Codes meaning the app or OA may not use the API at all (app disabled, permission withdrawn): sending pauses.</summary>
    public string CredentialErrorCodes { get; set; } = "-219,-223";

    /// <summary>
    /// Codes meaning the resident has blocked the OA: the send fails and the resident is opted out on
    /// Zalo. Empty by default: no public source confirms Zalo's code for it (an "unfollow" event opts
    /// residents out already); add it here when seen.
    /// </summary>
    public string BlockedErrorCodes { get; set; } = "";
}
