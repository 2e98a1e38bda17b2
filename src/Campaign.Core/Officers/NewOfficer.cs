namespace Campaign.Core.Officers;

/// <summary>What it takes to add an officer; <see cref="Problems"/> says what is wrong with it.</summary>
/// <param name="Username">For console sign-in (see <see cref="OfficerUsername"/>); null for an API-key-only officer.</param>
public sealed record NewOfficer(string Name, OfficerRole Role, AreaScope Scope, string? Username = null)
{
    public const int MaxNameLength = 100;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name: give the officer's name");
        }
        else if (Name.Trim().Length > MaxNameLength)
        {
            problems.Add($"name: at most {MaxNameLength} characters");
        }
        else if (Name.Any(char.IsControl))
        {
            problems.Add("name: no control characters or line breaks");
        }
        if (!Enum.IsDefined(Role))
        {
            problems.Add("role: officer, approver or admin");
        }
        // Only admins work nationally; everyone else answers for named areas.
        if (Scope.IsEverywhere && Enum.IsDefined(Role) && Role != OfficerRole.Admin)
        {
            problems.Add($"areas: only an admin may have * (every area); give the {Role.Key()}'s area codes");
        }
        if (Username is not null && !OfficerUsername.TryParse(Username, out _, out var usernameProblem))
        {
            problems.Add(usernameProblem);
        }
        return problems;
    }
}
