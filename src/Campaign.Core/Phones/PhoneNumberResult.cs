using System.Diagnostics.CodeAnalysis;

namespace Campaign.Core.Phones;

/// <summary>
/// The outcome of normalising a phone number: the number in E.164 form, or why it was refused.
/// </summary>
/// <param name="IsValid">Whether the input is a valid Vietnamese number.</param>
/// <param name="E164">The number in E.164 form, such as "+84912345678", when valid.</param>
/// <param name="Error">Why the input was refused, in plain English, when not valid.</param>
/// <remarks>
/// <see cref="Error"/> quotes the input, so it holds personal data: log it only where a raw
/// phone number may be logged.
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

    internal static PhoneNumberResult Valid(string e164, bool isMobile) => new(true, e164, null) { IsMobile = isMobile };

    internal static PhoneNumberResult Invalid(string error) => new(false, null, error);
}
