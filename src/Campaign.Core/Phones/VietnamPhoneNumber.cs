using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace Campaign.Core.Phones;

/// <summary>
/// Turns a Vietnamese phone number as people write it into E.164 ("+84912345678"), or says
/// clearly why it cannot.
/// </summary>
/// <remarks>
/// <para>
/// Accepts the domestic form ("0912345678"), the international forms ("+84 91 234 5678",
/// "84912345678", "0084912345678", "+84 (0) 91..."), dots, dashes, spaces and parentheses as
/// separators, a leading zero lost to a spreadsheet ("912345678"), and the 11-digit mobile
/// numbers retired in 2018 ("01621234567" becomes "+84321234567"). The result is checked against
/// the Vietnamese numbering plan with libphonenumber.
/// </para>
/// <para>
/// Valid fixed-line, toll-free and premium-rate numbers are accepted too; check
/// <see cref="PhoneNumberResult.IsMobile"/> before sending an SMS. Nothing is guessed: input that
/// is not unambiguously a valid Vietnamese number is refused.
/// </para>
/// </remarks>
public static class VietnamPhoneNumber
{
    private const string RegionCode = "VN";
    private const string CountryCode = "84";

    // Far longer than any number with separators; longer input is refused before it is scanned.
    private const int MaxInputLength = 40;
    private const int MaxDigits = 16;
    private const int QuotedInputLength = 24;
    private const int MobileNationalLength = 9;

    private static readonly PhoneNumberUtil s_phoneNumbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises <paramref name="input"/> to E.164.
    /// </summary>
    /// <param name="input">The number as written, or <see langword="null"/>.</param>
    /// <returns>The E.164 number and whether it is a mobile, or the reason it was refused.</returns>
    public static PhoneNumberResult Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PhoneNumberResult.Invalid("No phone number was given.");
        }

        var written = input.Trim();
        if (written.Length > MaxInputLength)
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} is too long for a Vietnamese number.");
        }

        Span<char> digitBuffer = stackalloc char[MaxInputLength];
        var digitCount = 0;
        var international = false;
        foreach (var c in written)
        {
            if (char.IsAsciiDigit(c))
            {
                digitBuffer[digitCount++] = c;
            }
            else if (c == '+')
            {
                if (international || digitCount > 0)
                {
                    return PhoneNumberResult.Invalid($"{Quote(written)} has a '+' that is not at the start.");
                }

                international = true;
            }
            else if (char.IsLetter(c))
            {
                return PhoneNumberResult.Invalid(
                    $"{Quote(written)} contains letters; a phone number has only digits, spaces, dots, dashes, parentheses and a leading '+'.");
            }
            else if (!IsSeparator(c))
            {
                return PhoneNumberResult.Invalid($"{Quote(written)} contains '{c}', which does not belong in a phone number.");
            }
        }

        var digits = digitBuffer[..digitCount];
        if (digits.IsEmpty)
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} has no digits.");
        }

        if (digits.Length > MaxDigits)
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} is too long for a Vietnamese number.");
        }

        if (!TryGetNationalNumber(digits, international, out var national))
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} is not a Vietnamese number; Vietnamese numbers start with +84, 84 or 0.");
        }

        if (LegacyMobilePrefixes.TryConvert(national, out var converted))
        {
            national = converted;
        }

        return Validate(written, national);
    }

    /// <summary>
    /// Normalises <paramref name="input"/> to E.164, without saying why it failed.
    /// </summary>
    /// <param name="input">The number as written, or <see langword="null"/>.</param>
    /// <param name="e164">The E.164 number, such as "+84912345678", when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="input"/> is a valid Vietnamese number.</returns>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? e164)
    {
        var result = Normalize(input);
        e164 = result.E164;
        return result.IsValid;
    }

    // Strips the country code or the trunk 0, leaving the national significant number. False
    // when the digits carry another country's code.
    private static bool TryGetNationalNumber(ReadOnlySpan<char> digits, bool international, out ReadOnlySpan<char> national)
    {
        const string DialAbroad = "00";

        if (international)
        {
            if (!digits.StartsWith(CountryCode))
            {
                national = default;
                return false;
            }

            national = digits[CountryCode.Length..];
        }
        else if (digits.StartsWith(DialAbroad))
        {
            if (!digits[DialAbroad.Length..].StartsWith(CountryCode))
            {
                national = default;
                return false;
            }

            national = digits[(DialAbroad.Length + CountryCode.Length)..];
        }
        else if (digits.StartsWith(CountryCode) && digits.Length >= 10)
        {
            // Nine digits starting 84 are a VinaPhone 084 number that lost its 0, not a country code.
            national = digits[CountryCode.Length..];
        }
        else
        {
            national = digits[0] == '0' ? digits[1..] : digits;
            return true;
        }

        // "+84 (0) 91 ..." repeats the trunk 0 after the country code.
        if (!national.IsEmpty && national[0] == '0')
        {
            national = national[1..];
        }

        return true;
    }

    private static PhoneNumberResult Validate(string written, ReadOnlySpan<char> national)
    {
        if (national.Length == 0 || national[0] == '0')
        {
            return national.Length < 2
                ? PhoneNumberResult.Invalid($"{Quote(written)} is too short for a Vietnamese number.")
                : PhoneNumberResult.Invalid($"{Quote(written)} is not a valid Vietnamese phone number.");
        }

        PhoneNumber number;
        try
        {
            number = s_phoneNumbers.Parse(string.Concat("+", CountryCode, national), RegionCode);
        }
        catch (NumberParseException)
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} is not a valid Vietnamese phone number.");
        }

        var lengthError = s_phoneNumbers.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE => null,
            PhoneNumberUtil.ValidationResult.TOO_LONG => "is too long for a Vietnamese number.",
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => "has the wrong number of digits for a Vietnamese number.",
            _ => "is too short for a Vietnamese number.",
        };
        if (lengthError is not null)
        {
            return PhoneNumberResult.Invalid($"{Quote(written)} {lengthError}");
        }

        if (!s_phoneNumbers.IsValidNumberForRegion(number, RegionCode))
        {
            // The length fits some kind of number, but with a mobile prefix the length is what is
            // wrong: "09123456789" has a digit too many rather than an unknown prefix.
            var error = IsMobilePrefix(national[0]) && national.Length != MobileNationalLength
                ? (national.Length < MobileNationalLength ? "is too short for a Vietnamese number." : "is too long for a Vietnamese number.")
                : "is not a valid Vietnamese phone number.";
            return PhoneNumberResult.Invalid($"{Quote(written)} {error}");
        }

        var isMobile = s_phoneNumbers.GetNumberType(number) == PhoneNumberType.MOBILE;
        return PhoneNumberResult.Valid(s_phoneNumbers.Format(number, PhoneNumberFormat.E164), isMobile);
    }

    // Mobile numbers today are 0 plus nine digits, starting 3, 5, 7, 8 or 9.
    private static bool IsMobilePrefix(char first) => first is '3' or '5' or '7' or '8' or '9';

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '(' or ')' or '\u00A0' or '\t';

    // Long input is cut so an error message stays one readable line.
    private static string Quote(string written) =>
        written.Length <= QuotedInputLength ? $"'{written}'" : $"'{written[..QuotedInputLength]}...'";
}
