using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Text;

namespace CampaignBot.Console;

/// <summary>
/// <see cref="CampaignValidator"/> over the content as it is now: areas from the tree, topics from
/// the themes, series from <c>content/series</c>. Built per call because content can be reloaded.
/// </summary>
public sealed class CampaignChecks(ContentStore content, SmsOptions sms, TimeProvider time)
{
    public IReadOnlyList<CampaignProblem> Validate(CampaignDefinition definition, AreaScope ownerScope) =>
        Validator().Validate(definition, ownerScope);

    /// <summary>An audience on its own (an estimate), by the rules a campaign's audience follows.</summary>
    public IReadOnlyList<CampaignProblem> ValidateAudience(Audience? audience, AreaScope ownerScope) =>
        Validator().ValidateAudience(audience, ownerScope);

    /// <summary>A schedule on its own (a preview), by the rules a campaign's schedule follows.</summary>
    public IReadOnlyList<CampaignProblem> ValidateSchedule(Schedule? schedule) =>
        Validator().ValidateSchedule(schedule);

    private CampaignValidator Validator()
    {
        var current = content.Current;
        var catalog = new CampaignCatalog(
            areaExists: code => current.Areas.Find(code) is not null,
            isWithin: current.Areas.IsWithin,
            topicIds: current.Themes.Select(t => t.Id),
            placeholders: current.Placeholders,
            seriesExists: id => current.FindSeries(id) is not null);
        return new CampaignValidator(catalog, sms, time);
    }
}
