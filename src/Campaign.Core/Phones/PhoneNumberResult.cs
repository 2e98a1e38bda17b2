using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Campaign.Core.Phones;

/// <summary>
/// The outcome of normalising a phone number: the number in E.164 form, or why it was refused.
/// </summary>
/// <param name="IsValid">Whether the input is a valid Vietnamese number.</param>
/// <param name="E164">The number in E.164 form, such as "+84912345678", when valid.</param>
/// <param name="Error">Why the input was refused, in plain English, when not valid.</param>
/// <remarks>
/// <see cref="object.ToString"/> masks <see cref="E164"/> with <see cref="PhoneMask"/>, so a
/// result can be logged as it is. <see cref="Error"/> quotes the input, which may be a whole
/// phone number; log it only where a raw phone number may be logged.
/// </remarks>
public readonly record struct PhoneNumberResult(
    [property: MemberNotNullWhen(true, nameof(PhoneNumberResult.E164))]
    [property: MemberNotNullWhen(false, nameof(PhoneNumberResult.Error))]
    bool IsValid,
    string? E164,
    string? Error)
{
    /// <summary>
    /// Whether the number is a mobile number and so can receive SMS. Always
    /// <see langword="false"/> for fixed-line, toll-free and premium-rate numbers and when not valid.
    /// </summary>
    public bool IsMobile { get; init; }

    // Keeps the generated ToString from writing the number into logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("IsValid = ").Append(IsValid)
            .Append(", E164 = ").Append(E164 is null ? null : PhoneMask.Mask(E164))
            .Append(", IsMobile = ").Append(IsMobile)
            .Append(", Error = ").Append(Error);
        return true;
    }

    internal static PhoneNumberResult Valid(string e164, bool isMobile) => new(true, e164, null) { IsMobile = isMobile };

    internal static PhoneNumberResult Invalid(string error) => new(false, null, error);
}
