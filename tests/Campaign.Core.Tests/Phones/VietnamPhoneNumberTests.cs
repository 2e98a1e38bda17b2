using Campaign.Core.Phones;

namespace Campaign.Core.Tests.Phones;

public class VietnamPhoneNumberTests
{
    [Theory]
    // Domestic form and separators.
    [InlineData("0912345678", "+84912345678")]
    [InlineData("091 234 5678", "+84912345678")]
    [InlineData("091.234.5678", "+84912345678")]
    [InlineData("091-234-5678", "+84912345678")]
    [InlineData("(091) 234-5678", "+84912345678")]
    [InlineData("  0912345678\t", "+84912345678")]
    [InlineData("0912\u00A0345\u00A0678", "+84912345678")]
    // International forms.
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("+84 91 234 5678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0084912345678", "+84912345678")]
    [InlineData("0084 91 234 5678", "+84912345678")]
    [InlineData("+84 (0) 91 234 5678", "+84912345678")]
    [InlineData("+840912345678", "+84912345678")]
    // The trunk 0 lost to a spreadsheet.
    [InlineData("912345678", "+84912345678")]
    [InlineData("841234567", "+84841234567")] // VinaPhone 084, not the country code
    // Current prefixes of every network.
    [InlineData("0321234567", "+84321234567")]
    [InlineData("0701234567", "+84701234567")]
    [InlineData("0831234567", "+84831234567")]
    [InlineData("0561234567", "+84561234567")]
    [InlineData("0591234567", "+84591234567")]
    [InlineData("0871234567", "+84871234567")]
    public void Normalize_AcceptsMobileNumbers(string input, string e164)
    {
        var result = VietnamPhoneNumber.Normalize(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(e164, result.E164);
        Assert.True(result.IsMobile);
        Assert.Null(result.Error);
    }

    [Theory]
    // Viettel
    [InlineData("01621234567", "+84321234567")]
    [InlineData("01631234567", "+84331234567")]
    [InlineData("01641234567", "+84341234567")]
    [InlineData("01651234567", "+84351234567")]
    [InlineData("01661234567", "+84361234567")]
    [InlineData("01671234567", "+84371234567")]
    [InlineData("01681234567", "+84381234567")]
    [InlineData("0169 123 4567", "+84391234567")]
    // MobiFone
    [InlineData("01201234567", "+84701234567")]
    [InlineData("01211234567", "+84791234567")]
    [InlineData("01221234567", "+84771234567")]
    [InlineData("01261234567", "+84761234567")]
    [InlineData("01281234567", "+84781234567")]
    // VinaPhone
    [InlineData("01231234567", "+84831234567")]
    [InlineData("01241234567", "+84841234567")]
    [InlineData("01251234567", "+84851234567")]
    [InlineData("01271234567", "+84811234567")]
    [InlineData("01291234567", "+84821234567")]
    // Vietnamobile and Gmobile
    [InlineData("01861234567", "+84561234567")]
    [InlineData("01881234567", "+84581234567")]
    [InlineData("01991234567", "+84591234567")]
    // With the country code.
    [InlineData("+84 162 123 4567", "+84321234567")]
    [InlineData("841621234567", "+84321234567")]
    [InlineData("0084 1699 123 456", "+84399123456")]
    [InlineData("+84 (0)162 123 4567", "+84321234567")]
    [InlineData("1621234567", "+84321234567")] // trunk 0 lost
    public void Normalize_ConvertsRetiredElevenDigitMobileNumbers(string input, string e164)
    {
        var result = VietnamPhoneNumber.Normalize(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(e164, result.E164);
        Assert.True(result.IsMobile);
    }

    [Theory]
    [InlineData("024 3825 1234", "+842438251234")] // Hà Nội
    [InlineData("(028) 3822 1234", "+842838221234")] // TP. Hồ Chí Minh
    [InlineData("+84 236 3123 456", "+842363123456")] // Đà Nẵng
    [InlineData("1800 1091", "+8418001091")] // toll-free
    public void Normalize_AcceptsOtherValidNumbersButNotAsMobile(string input, string e164)
    {
        var result = VietnamPhoneNumber.Normalize(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(e164, result.E164);
        Assert.False(result.IsMobile);
    }

    [Theory]
    [InlineData(null, "No phone number was given.")]
    [InlineData("", "No phone number was given.")]
    [InlineData("   ", "No phone number was given.")]
    [InlineData("0123", "'0123' is too short for a Vietnamese number.")]
    [InlineData("0", "'0' is too short for a Vietnamese number.")]
    [InlineData("+84", "'+84' is too short for a Vietnamese number.")]
    [InlineData("8491234567", "'8491234567' is too short for a Vietnamese number.")]
    [InlineData("09123456789", "'09123456789' is too long for a Vietnamese number.")]
    [InlineData("091234567890123", "'091234567890123' is too long for a Vietnamese number.")]
    [InlineData("+1 202 555 0100", "'+1 202 555 0100' is not a Vietnamese number; Vietnamese numbers start with +84, 84 or 0.")]
    [InlineData("+855 12 345 678", "'+855 12 345 678' is not a Vietnamese number; Vietnamese numbers start with +84, 84 or 0.")]
    [InlineData("0044 20 7946 0958", "'0044 20 7946 0958' is not a Vietnamese number; Vietnamese numbers start with +84, 84 or 0.")]
    [InlineData("0521234567", "'0521234567' is not a valid Vietnamese phone number.")] // unassigned prefix
    [InlineData("0201234567", "'0201234567' is not a valid Vietnamese phone number.")]
    [InlineData("01301234567", "'01301234567' is not a valid Vietnamese phone number.")] // never an 11-digit prefix
    [InlineData("0912abc678", "'0912abc678' contains letters; a phone number has only digits, spaces, dots, dashes, parentheses and a leading '+'.")]
    [InlineData("không có", "'không có' contains letters; a phone number has only digits, spaces, dots, dashes, parentheses and a leading '+'.")]
    [InlineData("0912#345678", "'0912#345678' contains '#', which does not belong in a phone number.")]
    [InlineData("0912345678, 0987654321", "'0912345678, 0987654321' contains ',', which does not belong in a phone number.")]
    [InlineData("09+12345678", "'09+12345678' has a '+' that is not at the start.")]
    [InlineData("++84912345678", "'++84912345678' has a '+' that is not at the start.")]
    [InlineData("- . ()", "'- . ()' has no digits.")]
    [InlineData("0912 345 678 0912 345 678 0912 345 678 0912", "'0912 345 678 0912 345 67...' is too long for a Vietnamese number.")]
    public void Normalize_RefusesWithAClearReason(string? input, string error)
    {
        var result = VietnamPhoneNumber.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.False(result.IsMobile);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void TryNormalize_ReturnsTheE164Number()
    {
        Assert.True(VietnamPhoneNumber.TryNormalize("0912 345 678", out var e164));
        Assert.Equal("+84912345678", e164);
    }

    [Fact]
    public void TryNormalize_FailsWithoutAGuess()
    {
        Assert.False(VietnamPhoneNumber.TryNormalize("0123", out var e164));
        Assert.Null(e164);
    }

    [Fact]
    public void Result_GuaranteesE164WhenValidAndErrorWhenNot()
    {
        var valid = VietnamPhoneNumber.Normalize("0912345678");
        var invalid = VietnamPhoneNumber.Normalize("0123");

        // Compiles without a null check: IsValid tells the compiler which member is set.
        var length = valid.IsValid ? valid.E164.Length : 0;
        var error = invalid.IsValid ? "" : invalid.Error;

        Assert.Equal(12, length);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Result_ToStringMasksTheNumber()
    {
        var text = VietnamPhoneNumber.Normalize("0912345678").ToString();

        Assert.Equal("PhoneNumberResult { IsValid = True, E164 = +8491*****678, IsMobile = True, Error =  }", text);
    }

    [Fact]
    public void DefaultResultIsNotValid()
    {
        var result = default(PhoneNumberResult);

        Assert.False(result.IsValid);
        Assert.False(result.IsMobile);
    }
}
