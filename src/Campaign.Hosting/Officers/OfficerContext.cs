using System.Security.Claims;
using Campaign.Core.Officers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Hosting.Officers;

/// <summary>
/// The officer making a request, read from <c>HttpContext.User</c>: who, in which role, over which
/// areas. Endpoints use <see cref="Covers"/> before reading or targeting an area and
/// <see cref="Audit"/> to describe what they did.
/// </summary>
public sealed class OfficerContext
{
    private readonly AreaContainment _containment;

    private OfficerContext(string id, string name, OfficerRole role, AreaScope scope, string keyId, string username, bool signedIn, AreaContainment containment)
    {
        Username = username;
        SignedIn = signedIn;
        Id = id;
        Name = name;
        Role = role;
        Scope = scope;
        KeyId = keyId;
        _containment = containment;
    }

    public string Id { get; }
    public string Name { get; }
    public OfficerRole Role { get; }
    public AreaScope Scope { get; }

    /// <summary>The public id of the key the request came with; empty for a console session.</summary>
    public string KeyId { get; }

    /// <summary>The console username, when the request came with a console session.</summary>
    public string Username { get; }

    /// <summary>True for a console session (cookie), false for an API key: cookie requests need a CSRF token.</summary>
    public bool SignedIn { get; }

    /// <summary>True when the area is in (or under) one of the officer's areas.</summary>
    public bool Covers(string? areaCode) => Scope.Covers(areaCode, _containment.IsWithin);

    /// <summary>True when every area is covered and there is at least one: what a campaign's audience needs.</summary>
    public bool CoversAll(IEnumerable<string> areaCodes) => Scope.CoversAll(areaCodes, _containment.IsWithin);

    public bool Has(OfficerRole role) => Role.Includes(role);

    /// <summary>An audit entry with this officer as the actor.</summary>
    public AuditEntry Audit(string action, string target, AuditOutcome outcome, IReadOnlyDictionary<string, string>? details = null) =>
        new(Id, Role.Key(), action, target, outcome, details);

    /// <summary>The officer, or null when the request was not authenticated with an officer API key or console session.</summary>
    public static OfficerContext? From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(context.User, context.RequestServices.GetService<AreaContainment>() ?? AreaContainment.ByCodePrefix);
    }

    public static OfficerContext? From(ClaimsPrincipal? user, AreaContainment containment)
    {
        ArgumentNullException.ThrowIfNull(containment);
        var identity = user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType is ApiKeyDefaults.Scheme or ConsoleDefaults.Scheme);
        if (identity?.FindFirst(OfficerClaims.Id)?.Value is not { Length: > 0 } id
            || !OfficerRoleExtensions.TryParse(identity.FindFirst(OfficerClaims.Role)?.Value, out var role)
            || !AreaScope.TryCreate(identity.FindAll(OfficerClaims.Area).Select(c => c.Value), out var scope, out _))
        {
            return null;
        }
        return new OfficerContext(
            id,
            identity.FindFirst(OfficerClaims.Name)?.Value ?? "",
            role,
            scope,
            identity.FindFirst(OfficerClaims.KeyId)?.Value ?? "",
            identity.FindFirst(OfficerClaims.Username)?.Value ?? "",
            identity.AuthenticationType == ConsoleDefaults.Scheme,
            containment);
    }

    /// <summary>The officer; throws when the endpoint was mapped without an officer policy (a programming error).</summary>
    public static OfficerContext Require(HttpContext context) =>
        From(context) ?? throw new InvalidOperationException(
            $"{context.Request.Path} has no officer: map it with RequireAuthorization(OfficerPolicies.{nameof(OfficerPolicies.Officer)}) or a stricter policy");
}
