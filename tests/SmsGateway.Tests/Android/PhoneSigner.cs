using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Tests.Android;

/// <summary>
/// Signs webhooks the way the app does (PayloadSingingPlugin.kt): lowercase hex HMAC-SHA256 of the
/// body text followed by the Unix-seconds timestamp. Written apart from the production check on purpose.
/// </summary>
internal static class PhoneSigner
{
    public static string Timestamp(TimeSpan clockOffset) =>
        (DateTimeOffset.UtcNow + clockOffset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(byte[] body, string timestamp, string key)
    {
        var message = body.Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message));
    }
}
