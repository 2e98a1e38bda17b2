using System.Security.Claims;
using Campaign.Core.Officers;

namespace Campaign.Hosting.Officers;

/// <summary>The claims an authenticated officer carries; built fresh from Redis on every request, so a change of role or areas applies at once.</summary>
public static class OfficerClaims
{
    public const string Id = "officer_id";
    public const string Area = "officer_area";
    public const string KeyId = "api_key_id";
    public const string Username = "officer_username";

    /// <summary>The fingerprint of the password hash a console session was signed in with (<see cref="OfficerPasswords.Stamp"/>).</summary>
    public const string PasswordStamp = "password_stamp";

    /// <summary>The role, as <see cref="OfficerRole"/>'s key; the standard role claim, so <c>IsInRole</c> and <c>RequireRole</c> work.</summary>
    public const string Role = ClaimTypes.Role;

    public const string Name = ClaimTypes.Name;

    public static ClaimsPrincipal Principal(Officer officer, string keyId)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var claims = new List<Claim>
        {
            new(Id, officer.Id),
            new(Name, officer.Name),
            new(Role, officer.Role.Key()),
            new(KeyId, keyId),
        };
        claims.AddRange(officer.Scope.Codes.Select(code => new Claim(Area, code)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme, Name, Role));
    }

    /// <summary>
    /// A console session: the officer as now, and the stamp of the password signed in with. The
    /// NameIdentifier (the officer id) is what antiforgery tokens are bound to, so a change of name
    /// or areas does not void the page's token.
    /// </summary>
    public static ClaimsPrincipal ConsolePrincipal(Officer officer, string passwordStamp)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var claims = new List<Claim>
        {
            new(Id, officer.Id),
            new(ClaimTypes.NameIdentifier, officer.Id),
            new(Name, officer.Name),
            new(Role, officer.Role.Key()),
            new(Username, officer.Username ?? ""),
            new(PasswordStamp, passwordStamp),
        };
        claims.AddRange(officer.Scope.Codes.Select(code => new Claim(Area, code)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleDefaults.Scheme, Name, Role));
    }
}
