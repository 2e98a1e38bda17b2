using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>
/// The test's own X-ZEvent-Signature, written from protocols.md §4 (sha256 of app id + body +
/// timestamp + OA secret key, lowercase hex, sent as "mac=&lt;hex&gt;") rather than taken from the
/// production class, so webhook tests do not check the validator against itself.
/// </summary>
internal static class ZaloTestSigner
{
    public static string Hex(string appId, string body, string timestamp, string oaSecretKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(appId, body, timestamp, oaSecretKey))));

    /// <summary>The header value as Zalo sends it.</summary>
    public static string Header(string appId, string body, string timestamp, string oaSecretKey) =>
        "mac=" + Hex(appId, body, timestamp, oaSecretKey);
}
