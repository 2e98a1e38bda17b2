using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Tests.Twilio;

/// <summary>
/// The test's own X-Twilio-Signature, written from the spec (protocols.md §1.4) rather than taken
/// from the production class, so webhook tests do not check the validator against itself.
/// </summary>
internal static class TwilioTestSigner
{
    public static string Sign(string authToken, string url, IEnumerable<(string Name, string Value)> form)
    {
        var data = new StringBuilder(url);
        var fields = form.ToList();
        foreach (var name in fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var value in fields.Where(f => f.Name == name).Select(f => f.Value).Distinct().Order(StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }
        }
#pragma warning disable CA5350 // the protocol's algorithm
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
