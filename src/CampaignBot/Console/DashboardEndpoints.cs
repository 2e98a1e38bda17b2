using Campaign.Core.Areas;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Occurrences;
using Campaign.Core.Subscribers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/dashboard</c>: what an officer sees first, all within their areas: subscribers by
/// channel and area (from the exact counts, no scan), opt-outs since Monday, the next fires of
/// scheduled campaigns, and the latest occurrences with their counters. Only counts and campaign
/// titles, no resident, so it is not audited.
/// </summary>
internal static class DashboardEndpoints
{
    public const int UpcomingCount = 10;
    public const int RecentCount = 10;

    /// <summary>Campaigns looked at for recent occurrences, most recently updated first.</summary>
    private const int RecentCampaignScan = 200;

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", GetAsync).WithTags("Dashboard").WithAuditAction("dashboard.read")
            .WithSummary("Subscribers by channel and area, opt-outs this week, upcoming fires and recent occurrences, within your areas")
            .Produces<Dashboard>();
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext context, SubscriberStore subscribers, OptOutCounts optOuts, CampaignStore campaigns,
        OccurrenceStore occurrences, ContentStore content, TimeProvider time)
    {
        var officer = OfficerContext.Require(context);
        var areas = content.Current.Areas;
        bool Visible(string areaCode) => officer.Role == Campaign.Core.Officers.OfficerRole.Admin || officer.Scope.IsEverywhere
            || (areaCode.Length > 0 && officer.Covers(areaCode));

        var counts = (await subscribers.CountSubscribedByAreaAsync()).Where(c => Visible(c.AreaCode)).ToArray();
        var byChannel = Enum.GetValues<Channel>().ToDictionary(c => c.Key(), c => counts.Where(n => n.Channel == c).Sum(n => n.Count));
        var byArea = ViewAreas(officer, areas)
            .Select(a => new AreaCount(a.Code, a.Name, counts.Where(c => c.AreaCode.Length > 0 && areas.IsWithin(c.AreaCode, a.Code)).Sum(c => c.Count)))
            .ToArray();

        var today = VietnamTime.Today(time);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var optOutsThisWeek = (await optOuts.ReadAsync(monday, today)).Where(o => Visible(o.AreaCode)).Sum(o => o.Count);

        var now = time.GetUtcNow();
        var upcoming = (await campaigns.ListAsync(CampaignStatus.Scheduled, CampaignStatus.Running))
            .Where(c => CampaignAccess.CanSee(officer, c))
            .Select(c => (Campaign: c, Next: CampaignSchedule.NextAfter(c.Schedule, now)))
            .Where(x => x.Next is not null)
            .OrderBy(x => x.Next)
            .Take(UpcomingCount)
            .Select(x => new UpcomingFire(x.Campaign.Id, x.Campaign.Title, VietnamTime.Iso(x.Next!.Value), VietnamTime.Text(x.Next.Value)))
            .ToArray();

        var recent = new List<RecentOccurrence>();
        foreach (var campaign in (await campaigns.ListRecentAsync(0, RecentCampaignScan)).Where(c => CampaignAccess.CanSee(officer, c)))
        {
            foreach (var occurrence in await occurrences.ListAsync(campaign.Id, RecentCount))
            {
                recent.Add(new RecentOccurrence(occurrence.Id, campaign.Id, campaign.Title, VietnamTime.Iso(occurrence.FireAt), occurrence.Status.Key(), occurrence.Stats));
            }
        }

        return Results.Json(new Dashboard(
            new DashboardSubscribers(counts.Sum(c => c.Count), byChannel, byArea),
            optOutsThisWeek,
            upcoming,
            [.. recent.OrderByDescending(r => r.FireAt, StringComparer.Ordinal).Take(RecentCount)]), CampaignJson.Options);
    }

    /// <summary>The areas a dashboard breaks down by: the officer's own (everywhere: the provinces).</summary>
    internal static IReadOnlyList<Area> ViewAreas(OfficerContext officer, AreaDirectory areas) =>
        officer.Scope.IsEverywhere
            ? areas.Roots
            : [.. officer.Scope.Codes.Select(areas.Find).OfType<Area>()];
}
