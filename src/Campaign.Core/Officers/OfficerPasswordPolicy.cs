namespace Campaign.Core.Officers;

/// <summary>What a console password must be. Length is what makes a password hard to guess; no composition rules, which push people to "Matkhau1!".</summary>
public static class OfficerPasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Hashing cost grows with length; nobody types more than this.</summary>
    public const int MaxLength = 200;

    /// <summary>The problem with the password, or null when it is acceptable.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "password: give a password",
        { Length: < MinLength } => $"password: at least {MinLength} characters",
        { Length: > MaxLength } => $"password: at most {MaxLength} characters",
        _ when string.IsNullOrWhiteSpace(password) => "password: not only spaces",
        _ => null,
    };
}
