using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> the way Twilio's RequestValidator does: HMAC-SHA1 with the auth
/// token over the URL Twilio requested followed by every form parameter (names sorted ordinally, each
/// as name+value, a repeated name once per distinct value in sorted order), base64-encoded. A
/// signature made with the port written out, or without it, is accepted either way, because Twilio
/// signs the URL as configured and proxies add or drop default ports.
/// </summary>
public sealed class TwilioSignature(string authToken)
{
    public const string Header = "X-Twilio-Signature";

    /// <summary>The query parameter carrying the SHA-256 of a JSON body, which the signature then covers through the URL.</summary>
    public const string BodyHashParameter = "bodySHA256";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(authToken);

    /// <summary>True when <paramref name="signature"/> signs <paramref name="url"/> with this form (an <c>application/x-www-form-urlencoded</c> webhook).</summary>
    /// <param name="url">The full URL Twilio requested, query included and not decoded.</param>
    /// <param name="form">The decoded form fields, in any order, every one received (Twilio adds new ones over time).</param>
    /// <param name="signature">The header's value.</param>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var parameters = Canonical(form);
        var (withoutPort, withPort) = PortVariants(url);
        // Both are computed every time so the answer takes as long whichever variant matches.
        var first = Matches(withoutPort + parameters, signature);
        var second = Matches(withPort + parameters, signature);
        return first | second;
    }

    /// <summary>
    /// True for a JSON webhook: the URL must carry <c>bodySHA256</c> equal to the body's hash, and the
    /// signature covers the URL alone. A JSON body without that parameter is never valid.
    /// </summary>
    public bool IsValidJson(string url, ReadOnlySpan<byte> body, string? signature)
    {
        if (QueryValue(url, BodyHashParameter) is not { } expected)
        {
            return false;
        }
        var actual = Convert.ToHexStringLower(SHA256.HashData(body));
        var hashMatches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(expected));
        var signatureMatches = IsValid(url, [], signature);
        return hashMatches & signatureMatches;
    }

    /// <summary>The signature Twilio would send for this URL (exactly as written) and form.</summary>
    public string Compute(string url, IEnumerable<KeyValuePair<string, string>> form) =>
        Convert.ToBase64String(Hash(url + Canonical(form)));

    /// <summary>The URL with any port removed, and with the scheme's default port written out (or its own port kept); case, userinfo, path and query untouched.</summary>
    public static (string WithoutPort, string WithPort) PortVariants(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return (url, url);
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }
        var colon = url.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
        if (colon >= 0 && url.IndexOf(']', colon, authorityEnd - colon) >= 0)
        {
            colon = -1; // a colon inside an IPv6 literal, not a port
        }
        var beforeHost = url[..hostStart];
        var host = colon >= 0 ? url[hostStart..colon] : url[hostStart..authorityEnd];
        var port = colon >= 0 ? url[(colon + 1)..authorityEnd] : "";
        var rest = url[authorityEnd..];

        var withoutPort = beforeHost + host + rest;
        var scheme = url[..schemeEnd];
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80"
            : null;
        var withPort = port.Length > 0 || defaultPort is null ? url : $"{beforeHost}{host}:{defaultPort}{rest}";
        return (withoutPort, withPort);
    }

    private bool Matches(string data, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToBase64String(Hash(data))), Encoding.ASCII.GetBytes(signature));

    // Twilio's protocol fixes HMAC-SHA1 (still sound as a MAC); we cannot choose another.
#pragma warning disable CA5350
    private byte[] Hash(string data) => HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(data));
#pragma warning restore CA5350

    private static string Canonical(IEnumerable<KeyValuePair<string, string>> form)
    {
        var builder = new StringBuilder();
        foreach (var field in form.GroupBy(f => f.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in field.Select(f => f.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                builder.Append(field.Key).Append(value);
            }
        }
        return builder.ToString();
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }
        var end = url.IndexOf('#', query);
        foreach (var pair in url[(query + 1)..(end < 0 ? url.Length : end)].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(name))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }
        return null;
    }
}
