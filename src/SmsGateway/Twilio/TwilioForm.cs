using System.Text;

namespace SmsGateway.Twilio;

/// <summary>
/// A Twilio webhook's <c>application/x-www-form-urlencoded</c> body, decoded strictly: each field
/// percent-decoded to bytes, then read as UTF-8 that must be valid.
/// </summary>
/// <remarks>
/// Not ASP.NET's FormReader: it replaces invalid UTF-8 with U+FFFD without a word, so a garbled
/// message would be answered as if the resident had typed "�", and the signature would be checked
/// over text Twilio never sent.
/// </remarks>
public sealed class TwilioForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TwilioForm(IReadOnlyList<KeyValuePair<string, string>> fields) => Fields = fields;

    /// <summary>Every field as received, in order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The first value of a field (names are case-sensitive, as Twilio sends them), or null.</summary>
    public string? this[string name] => Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Value;

    /// <summary>Parses <paramref name="body"/>; on failure <paramref name="error"/> says what is wrong, fit for a 400.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out TwilioForm form, out string error)
    {
        var fields = new List<KeyValuePair<string, string>>();
        form = new TwilioForm(fields);
        error = "";
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf((byte)'=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
            if (!TryDecode(rawName, out var name, out error) || !TryDecode(rawValue, out var value, out error))
            {
                return false;
            }
            fields.Add(new(name, value));
        }
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> raw, out string text, out string error)
    {
        text = "";
        error = "";
        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    error = "body is not a valid form: bad percent-escape";
                    return false;
                }
                bytes[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = b;
            }
        }
        try
        {
            text = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = "body is not valid UTF-8";
            return false;
        }
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
