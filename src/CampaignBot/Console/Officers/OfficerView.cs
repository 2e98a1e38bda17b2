using Campaign.Core.Officers;

namespace CampaignBot.Console.Officers;

/// <summary>An officer as the officers API shows them: never a password, hash or key.</summary>
internal sealed record OfficerView(string Id, string Name, string? Username, string Role, string Areas, bool Disabled, DateTimeOffset CreatedAt)
{
    public static OfficerView Of(Officer officer) => new(
        officer.Id, officer.Name, officer.Username, officer.Role.Key(), officer.Scope.ToString(), officer.Disabled, officer.CreatedAt);
}
