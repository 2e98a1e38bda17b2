namespace CampaignBot.Channels.Zalo;

/// <summary>How a token refresh went.</summary>
/// <param name="Tokens">The new pair, when renewed (or the pair another instance already got).</param>
/// <param name="Outcome">Renewed, refused for good, or not possible right now.</param>
/// <param name="ErrorCode">Zalo's error code, or ours (refresh_unreachable ...).</param>
/// <param name="Error">What went wrong, for the delivery record and logs.</param>
public sealed record ZaloRefreshResult(ZaloRefreshOutcome Outcome, ZaloTokenSet? Tokens, string? ErrorCode = null, string? Error = null)
{
    public static ZaloRefreshResult Renewed(ZaloTokenSet tokens) => new(ZaloRefreshOutcome.Renewed, tokens);

    public static ZaloRefreshResult Refused(string code, string error) => new(ZaloRefreshOutcome.Refused, null, code, error);

    public static ZaloRefreshResult Unavailable(string code, string error) => new(ZaloRefreshOutcome.Unavailable, null, code, error);
}

public enum ZaloRefreshOutcome
{
    /// <summary>A new access token is in Redis.</summary>
    Renewed,

    /// <summary>Zalo refused the refresh token (spent, expired, revoked) or our app secret: a person must authorize again.</summary>
    Refused,

    /// <summary>Zalo could not be reached, or another instance is refreshing and has not finished: try again later.</summary>
    Unavailable,
}
