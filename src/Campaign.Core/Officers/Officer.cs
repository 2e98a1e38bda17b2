namespace Campaign.Core.Officers;

/// <summary>Someone who uses the admin API: a commune or province officer, an approver, an admin.</summary>
/// <param name="Id">"off_" and 12 hex digits; what the audit log and campaigns refer to.</param>
/// <param name="Scope">The areas they may read and target.</param>
/// <param name="Disabled">A disabled officer's keys are refused, but kept, so the audit trail still names them.</param>
/// <param name="Username">What they sign in to the console with (lower-case), or null for an API-key-only officer.</param>
public sealed record Officer(string Id, string Name, OfficerRole Role, AreaScope Scope, DateTimeOffset CreatedAt, bool Disabled, string? Username = null)
{
    public const string IdPrefix = "off_";

    public bool Covers(string? areaCode, Func<string, string, bool> isWithin) => Scope.Covers(areaCode, isWithin);
}
