using PhoneNumbers;

namespace Campaign.Core.Phones;

/// <summary>
/// Hides phone numbers and chat user ids for logs and traces while keeping enough to tell
/// residents apart when debugging.
/// </summary>
/// <remarks>
/// The mask is always five stars whatever was hidden, so a masked value does not reveal the
/// length of the original either.
/// </remarks>
public static class PhoneMask
{
    /// <summary>What a missing value is logged as.</summary>
    public const string None = "(none)";

    private const string Stars = "*****";

    // E.164 allows at most 15 digits; anything longer is not a phone number.
    private const int MaxPhoneDigits = 15;

    // A full mask shows 2 + 3 national digits and hides at least 3; shorter numbers show only
    // their last 2 digits, and at least 4 stay hidden.
    private const int LeadingDigitsShown = 2;
    private const int TrailingDigitsShown = 3;
    private const int MinDigitsForFullMask = 8;
    private const int ShortTrailingDigitsShown = 2;
    private const int MinDigitsForShortMask = 6;

    private const int OpaqueIdCharactersShown = 4;
    private const int MinOpaqueIdLength = 8;

    // What libphonenumber answers for a calling code no country or service has.
    private const string UnknownRegion = "ZZ";

    private static readonly PhoneNumberUtil s_phoneNumbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Masks a phone number, keeping its country code, the first two national digits and the
    /// last three: "+84912345678" becomes "+8491*****678", "0912345678" becomes "09*****678".
    /// </summary>
    /// <param name="e164OrAnything">A phone number in any format, or anything else.</param>
    /// <returns>
    /// The masked number; <see cref="None"/> for <see langword="null"/> or blank input. At most
    /// five digits besides the country code are ever shown: short numbers show only their last
    /// two digits or none, and input that is not a phone number shows nothing.
    /// </returns>
    public static string Mask(string? e164OrAnything)
    {
        if (string.IsNullOrWhiteSpace(e164OrAnything))
        {
            return None;
        }

        var text = e164OrAnything.AsSpan().Trim();
        Span<char> digits = stackalloc char[MaxPhoneDigits];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxPhoneDigits)
                {
                    return Stars;
                }

                digits[count++] = c;
            }
        }

        var countryCodeLength = text[0] == '+' ? CountryCodeLength(digits[..count]) : 0;
        var countryCode = digits[..countryCodeLength];
        var national = digits[countryCodeLength..count];
        var prefix = countryCodeLength > 0 ? string.Concat("+", countryCode) : string.Empty;

        if (national.Length >= MinDigitsForFullMask)
        {
            return string.Concat(prefix, national[..LeadingDigitsShown], Stars, national[^TrailingDigitsShown..]);
        }

        if (national.Length >= MinDigitsForShortMask)
        {
            return string.Concat(prefix, Stars, national[^ShortTrailingDigitsShown..]);
        }

        return string.Concat(prefix, Stars);
    }

    /// <summary>
    /// Masks a channel address: phone numbers as <see cref="Mask"/> does, and opaque chat user
    /// ids (Zalo, Messenger) down to their last four characters, such as "***4821".
    /// </summary>
    /// <param name="channel">The channel name, such as "sms", "zalo" or "messenger".</param>
    /// <param name="address">The address on that channel.</param>
    /// <returns>The masked address; <see cref="None"/> for a blank address.</returns>
    /// <remarks>
    /// On the "sms", "phone" and "voice" channels the address is always treated as a phone
    /// number. Elsewhere an address is a phone number when it reads like one (a leading +, 0 or
    /// 84 and 9 to 12 digits); chat ids are longer digit strings or contain letters. An id shorter
    /// than eight characters is hidden completely.
    /// </remarks>
    public static string MaskAddress(string channel, string? address)
    {
        ArgumentNullException.ThrowIfNull(channel);

        if (string.IsNullOrWhiteSpace(address))
        {
            return None;
        }

        if (IsPhoneChannel(channel) || LooksLikePhoneNumber(address.AsSpan().Trim()))
        {
            return Mask(address);
        }

        var id = address.AsSpan().Trim();
        return id.Length >= MinOpaqueIdLength
            ? string.Concat("***", id[^OpaqueIdCharactersShown..])
            : "***";
    }

    private static bool IsPhoneChannel(string channel) =>
        channel.Equals("sms", StringComparison.OrdinalIgnoreCase)
        || channel.Equals("phone", StringComparison.OrdinalIgnoreCase)
        || channel.Equals("voice", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikePhoneNumber(ReadOnlySpan<char> address)
    {
        var digits = 0;
        var first = '\0';
        var second = '\0';
        foreach (var c in address)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digits == 0)
                {
                    first = c;
                }
                else if (digits == 1)
                {
                    second = c;
                }

                digits++;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '+'))
            {
                return false;
            }
        }

        var startsLikePhone = address[0] == '+' || first == '0' || (first == '8' && second == '4' && digits >= 11);
        return startsLikePhone && digits is >= 9 and <= 12;
    }

    // Country calling codes are prefix-free and one to three digits long.
    private static int CountryCodeLength(ReadOnlySpan<char> digits)
    {
        var code = 0;
        for (var length = 1; length <= 3 && length <= digits.Length; length++)
        {
            code = (code * 10) + (digits[length - 1] - '0');
            if (s_phoneNumbers.GetRegionCodeForCountryCode(code) != UnknownRegion)
            {
                return length;
            }
        }

        return 0;
    }
}
