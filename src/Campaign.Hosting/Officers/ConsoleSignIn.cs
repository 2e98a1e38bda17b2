using Campaign.Core.Officers;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Checks a console username and password: the lockout first, then the password hash, and writes
/// every attempt to the audit log (username, client address, how it ended; never the password).
/// </summary>
public sealed partial class ConsoleSignIn(OfficerStore officers, OfficerPasswords passwords, SignInLockout lockout, IAuditLog audit, ILogger<ConsoleSignIn> logger)
{
    public const string AuditAction = "auth.signin";

    /// <summary>The actor of attempts for usernames nobody has.</summary>
    public const string AnonymousActor = "anonymous";

    public async Task<SignInResult> AttemptAsync(string? username, string? password, string client)
    {
        var name = OfficerUsername.Normalize(username);
        password ??= "";
        if (name.Length is 0 or > OfficerUsername.MaxLength || password.Length is 0 or > OfficerPasswordPolicy.MaxLength)
        {
            // Nothing anybody could have: not worth a lockout counter (nor a hash of a megabyte).
            await RecordAsync(null, name, AuditOutcome.Denied, "malformed", client);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        if (await lockout.LockedUntilAsync(name) is { } lockedUntil)
        {
            var known = await officers.FindByUsernameAsync(name);
            await RecordAsync(known?.Officer, name, AuditOutcome.Denied, "locked", client);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedUntil);
        }

        var found = await officers.FindByUsernameAsync(name);
        if (!passwords.Verify(found?.PasswordHash, password, out var rehash))
        {
            var until = await lockout.RecordFailureAsync(name);
            await RecordAsync(found?.Officer, name, AuditOutcome.Denied, found is null ? "unknown_user" : "wrong_password", client, until);
            return until is null
                ? new SignInResult(SignInOutcome.WrongCredentials)
                : new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        }

        var (officer, hash) = found!.Value;
        if (officer.Disabled)
        {
            await RecordAsync(officer, name, AuditOutcome.Denied, "disabled", client);
            return new SignInResult(SignInOutcome.Disabled);
        }
        await lockout.ResetAsync(name);
        if (rehash)
        {
            hash = passwords.Hash(password);
            await officers.SetPasswordHashAsync(officer.Id, hash);
        }
        await RecordAsync(officer, name, AuditOutcome.Allowed, "password", client);
        return new SignInResult(SignInOutcome.SignedIn, officer, OfficerPasswords.Stamp(hash));
    }

    private async Task RecordAsync(Officer? officer, string username, AuditOutcome outcome, string reason, string client, DateTimeOffset? lockedUntil = null)
    {
        var details = new Dictionary<string, string> { ["reason"] = reason, ["client"] = client };
        if (lockedUntil is { } until)
        {
            details["lockedUntil"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        try
        {
            await audit.RecordAsync(new AuditEntry(
                officer?.Id ?? AnonymousActor,
                officer?.Role.Key() ?? "none",
                AuditAction,
                "username:" + username,
                outcome,
                details));
        }
        catch (RedisException ex)
        {
            LogAuditFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry for a console sign-in: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string reason);
}
