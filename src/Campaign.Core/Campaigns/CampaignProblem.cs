namespace Campaign.Core.Campaigns;

/// <summary>One thing to fix in a campaign: the field as its JSON names it (<c>audience.areaCodes[1]</c>) and what is wrong.</summary>
public sealed record CampaignProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
