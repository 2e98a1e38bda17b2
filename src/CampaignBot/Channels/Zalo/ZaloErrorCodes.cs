using System.Globalization;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The OA API's <c>error</c> codes sorted by what we do about them, from <see cref="ZaloOptions"/>
/// (comma-separated lists, so an operator can add a code Zalo starts using without a release).
/// </summary>
public sealed class ZaloErrorCodes
{
    public ZaloErrorCodes(ZaloOptions options)
    {
        Token = Parse(options.TokenErrorCodes);
        OutsideWindow = Parse(options.OutsideWindowErrorCodes);
        RetryLater = Parse(options.RetryLaterErrorCodes);
        Credentials = Parse(options.CredentialErrorCodes);
        Blocked = Parse(options.BlockedErrorCodes);
    }

    /// <summary>The access token is invalid or expired.</summary>
    public IReadOnlySet<int> Token { get; }

    public IReadOnlySet<int> OutsideWindow { get; }
    public IReadOnlySet<int> RetryLater { get; }
    public IReadOnlySet<int> Credentials { get; }

    /// <summary>The resident blocked the OA: they are opted out on Zalo.</summary>
    public IReadOnlySet<int> Blocked { get; }

    /// <summary>"-216, -220" → {-216, -220}; throws <see cref="FormatException"/> naming the bad entry.</summary>
    public static IReadOnlySet<int> Parse(string? list)
    {
        var codes = new HashSet<int>();
        foreach (var part in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{part}' is not an error code (expected numbers such as -216)");
            }
            codes.Add(code);
        }
        return codes;
    }
}
