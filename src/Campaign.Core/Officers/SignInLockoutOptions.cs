namespace Campaign.Core.Officers;

/// <summary>Settings under "Console:Lockout": how many wrong passwords lock a username, and for how long.</summary>
public sealed class SignInLockoutOptions
{
    public const string Section = "Console:Lockout";

    /// <summary>Failed sign-ins within <see cref="Duration"/> that lock the username.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked username is refused, and the window failures are counted in.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
