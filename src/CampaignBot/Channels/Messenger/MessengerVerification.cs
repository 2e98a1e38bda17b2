using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// GET /messenger/webhook: Meta's check of the callback URL when the webhook is set up. With
/// <c>hub.mode=subscribe</c> and our verify token, the answer is <c>hub.challenge</c> as plain text;
/// anything else is refused with 403.
/// </summary>
public sealed partial class MessengerVerification(IOptions<MessengerOptions> options, ILogger<MessengerVerification> logger)
{
    /// <summary>Meta sends a number; anything much longer is not a challenge.</summary>
    private const int MaxChallengeLength = 1024;

    // Hashes of equal length, so the comparison's time says nothing about the token, not even its length.
    private readonly byte[] _verifyTokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.VerifyToken));

    public IResult Handle(HttpContext context)
    {
        var query = context.Request.Query;
        var mode = query["hub.mode"].ToString();
        var token = query["hub.verify_token"].ToString();
        var challenge = query["hub.challenge"].ToString();

        var tokenMatches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _verifyTokenHash);
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal) || !tokenMatches)
        {
            var reason = tokenMatches ? "hub.mode is not subscribe" : "hub.verify_token does not match";
            LogRefused(logger, reason);
            return MessengerWebhook.Refuse(StatusCodes.Status403Forbidden, reason);
        }
        if (challenge.Length is 0 or > MaxChallengeLength)
        {
            return MessengerWebhook.Refuse(StatusCodes.Status400BadRequest, "hub.challenge is missing or too long");
        }
        LogVerified(logger);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(challenge, "text/plain", Encoding.UTF8);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messenger webhook verification refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Messenger webhook verified by Meta")]
    private static partial void LogVerified(ILogger logger);
}
