namespace Campaign.Core.Officers;

/// <summary>
/// What an officer may do. Each role includes the ones before it: an approver can also write
/// campaigns, an admin can also approve (never their own campaign: that rule is the campaign's).
/// </summary>
public enum OfficerRole
{
    /// <summary>Writes campaigns and reads what happens in their own areas.</summary>
    Officer,

    /// <summary>Also approves other officers' campaigns in their areas.</summary>
    Approver,

    /// <summary>Also manages officers and reads the audit log.</summary>
    Admin,
}

public static class OfficerRoleExtensions
{
    /// <summary>The role's name in claims, JSON, the CLI and the audit log.</summary>
    public static string Key(this OfficerRole role) => role switch
    {
        OfficerRole.Officer => "officer",
        OfficerRole.Approver => "approver",
        OfficerRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out OfficerRole role)
    {
        foreach (var candidate in Enum.GetValues<OfficerRole>())
        {
            if (string.Equals(text?.Trim(), candidate.Key(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>True when someone with this role may do what <paramref name="required"/> may.</summary>
    public static bool Includes(this OfficerRole role, OfficerRole required) => role >= required;
}
