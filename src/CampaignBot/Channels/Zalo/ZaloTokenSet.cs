namespace CampaignBot.Channels.Zalo;

/// <summary>The OA's current token pair.</summary>
/// <param name="AccessToken">Sent as the <c>access_token</c> header.</param>
/// <param name="RefreshToken">Spent by the next refresh, which returns its successor.</param>
/// <param name="ExpiresAt">When the access token expires; null while unknown (the tokens from configuration).</param>
public sealed record ZaloTokenSet(string AccessToken, string RefreshToken, DateTimeOffset? ExpiresAt);
