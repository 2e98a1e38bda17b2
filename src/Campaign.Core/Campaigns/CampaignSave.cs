namespace Campaign.Core.Campaigns;

/// <summary>What a save did, with the campaign as stored now.</summary>
/// <param name="Outcome">Saved, or why not.</param>
/// <param name="Campaign">
/// After <see cref="SaveOutcome.Saved"/>: the campaign as saved (its new version). After
/// <see cref="SaveOutcome.Conflict"/>: the campaign as someone else saved it, to show or retry on.
/// After <see cref="SaveOutcome.NotFound"/>: null.
/// </param>
public sealed record CampaignSave(SaveOutcome Outcome, CampaignRecord? Campaign)
{
    public bool Saved => Outcome == SaveOutcome.Saved;
}

public enum SaveOutcome
{
    Saved,

    /// <summary>Someone saved a newer version first (or, on create, the id is taken).</summary>
    Conflict,

    NotFound,
}
