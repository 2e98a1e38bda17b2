namespace Campaign.Core.Campaigns;

/// <summary>
/// What an author writes: the parts of a campaign an edit may change. The API's create and edit
/// bodies; <see cref="CampaignValidator"/> checks it and names fields as they appear in its JSON.
/// </summary>
/// <param name="Title">Shown to officers only; residents never see it.</param>
/// <param name="Audience">Who it reaches.</param>
/// <param name="Message">Texts by language ("vi"); null for a drip campaign, whose texts are its series' steps.</param>
/// <param name="Schedule">When it fires.</param>
public sealed record CampaignDefinition(string Title, Audience Audience, IReadOnlyDictionary<string, MessageText>? Message, Schedule Schedule);
