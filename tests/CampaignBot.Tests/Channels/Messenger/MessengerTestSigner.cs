using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>
/// The test's own X-Hub-Signature-256, written from the spec (protocols.md §3: "sha256=" and the
/// lowercase hex HMAC-SHA256 of the raw body keyed with the app secret) rather than taken from the
/// production class, so webhook tests do not check the validator against itself.
/// </summary>
internal static class MessengerTestSigner
{
    public static string Sign(string appSecret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        var hash = hmac.ComputeHash(body);
        var hex = new StringBuilder("sha256=", 7 + (hash.Length * 2));
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return hex.ToString();
    }
}
