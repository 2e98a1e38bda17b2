using Campaign.Core.Phones;

namespace Campaign.Core.Tests.Phones;

public class PhoneMaskTests
{
    [Theory]
    [InlineData("+84912345678", "+8491*****678")]
    [InlineData("+84 91 234 5678", "+8491*****678")]
    [InlineData("+842438251234", "+8424*****234")]
    [InlineData("0912345678", "09*****678")]
    [InlineData("84912345678", "84*****678")]
    [InlineData("+12025550100", "+120*****100")]
    [InlineData("+442079460958", "+4420*****958")]
    [InlineData("+85512345678", "+85512*****678")]
    [InlineData("  +84912345678 ", "+8491*****678")]
    public void Mask_KeepsCountryCodeFirstTwoAndLastThreeDigits(string input, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(input));
    }

    [Theory]
    [InlineData(null, "(none)")]
    [InlineData("", "(none)")]
    [InlineData("  ", "(none)")]
    [InlineData("0123", "*****")]
    [InlineData("12345", "*****")]
    [InlineData("123456", "*****56")]
    [InlineData("1234567", "*****67")]
    [InlineData("+84", "+84*****")]
    [InlineData("+8412", "+84*****")]
    [InlineData("abc", "*****")]
    [InlineData("+", "*****")]
    [InlineData("+999123456789", "99*****789")] // no country has code 9, 99 or 999
    [InlineData("+84 91 234 5678 91", "+8491*****891")] // 13 digits: still within E.164
    [InlineData("1234567890123456", "*****")] // more digits than E.164 allows
    public void Mask_MasksOddInputSafely(string? input, string expected)
    {
        Assert.Equal(expected, PhoneMask.Mask(input));
    }

    [Theory]
    [InlineData("+84912345678")]
    [InlineData("0912345678")]
    [InlineData("12345678")]
    [InlineData("1234567")]
    [InlineData("123")]
    [InlineData("tel: 0912-345-678 ext 1234")]
    [InlineData("98765432109876543210")]
    public void Mask_NeverShowsMoreThanFiveDigitsBesidesTheCountryCode(string input)
    {
        var masked = PhoneMask.Mask(input);
        var countryCodeDigits = masked.StartsWith("+84", StringComparison.Ordinal) ? 2 : 0;

        Assert.True(masked.Count(char.IsAsciiDigit) - countryCodeDigits <= 5, masked);
    }

    [Theory]
    [InlineData("sms", "+84912345678", "+8491*****678")]
    [InlineData("SMS", "0912345678", "09*****678")]
    [InlineData("sms", "4968235719043187452", "*****")] // on SMS always a phone number
    [InlineData("zalo", "0912345678", "09*****678")]
    [InlineData("zalo", "+84 91 234 5678", "+8491*****678")]
    [InlineData("zalo", "84912345678", "84*****678")]
    [InlineData("zalo", "4968235719043187452", "***7452")]
    [InlineData("messenger", "6254781936541237", "***1237")]
    [InlineData("messenger", "912345678", "***5678")] // a short id, not a number with a 0
    [InlineData("telegram", "user_name_x9f2", "***x9f2")]
    [InlineData("zalo", "abc123", "***")]
    [InlineData("zalo", null, "(none)")]
    [InlineData("zalo", " ", "(none)")]
    public void MaskAddress_MasksPhoneNumbersAndOpaqueIds(string channel, string? address, string expected)
    {
        Assert.Equal(expected, PhoneMask.MaskAddress(channel, address));
    }
}
