using Campaign.Core.Officers;

namespace Campaign.Hosting.Officers;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown username or wrong password: the officer is told the same for both.</summary>
    WrongCredentials,

    /// <summary>Too many failures: refused until <see cref="SignInResult.LockedUntil"/>, whatever the password.</summary>
    LockedOut,

    /// <summary>The right password for a disabled officer.</summary>
    Disabled,
}

/// <summary>How a console sign-in attempt ended; the officer only when signed in.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Officer? Officer = null, string? PasswordStamp = null, DateTimeOffset? LockedUntil = null);
