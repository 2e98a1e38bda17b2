using Campaign.Core.Officers;
using Microsoft.AspNetCore.Authorization;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Authorization policies by role: <c>RequireAuthorization(OfficerPolicies.Approver)</c>. A role
/// satisfies its own policy and those below it (an admin may approve).
/// </summary>
public static class OfficerPolicies
{
    /// <summary>Any officer with a valid key or console session.</summary>
    public const string Officer = "officer";

    public const string Approver = "approver";

    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var required in Enum.GetValues<OfficerRole>())
        {
            var roles = Enum.GetValues<OfficerRole>().Where(r => r.Includes(required)).Select(r => r.Key());
            options.AddPolicy(required.Key(), policy => policy
                .AddAuthenticationSchemes(ConsoleDefaults.ApiKeyOrCookieScheme)
                .RequireAuthenticatedUser()
                .RequireRole(roles));
        }
    }
}
