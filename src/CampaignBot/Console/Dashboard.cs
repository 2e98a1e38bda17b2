using Campaign.Core.Occurrences;

namespace CampaignBot.Console;

/// <summary>Subscribed residents in the officer's areas: in all, by channel (its key), and by area (each counting the areas below it).</summary>
public sealed record DashboardSubscribers(long Total, IReadOnlyDictionary<string, long> ByChannel, IReadOnlyList<AreaCount> ByArea);

/// <summary>An area and how many residents it has.</summary>
public sealed record AreaCount(string Code, string? Name, long Count);

/// <summary>A campaign's next fire: when (Vietnam's time, ISO) and the same in plain Vietnamese.</summary>
public sealed record UpcomingFire(string CampaignId, string Title, string FireAt, string Text);

/// <summary>A recent firing and its counters.</summary>
public sealed record RecentOccurrence(string OccurrenceId, string CampaignId, string Title, string FireAt, string Status, OccurrenceStats Stats);

/// <summary>The answer of <c>GET /api/admin/dashboard</c>, all within the officer's areas.</summary>
public sealed record Dashboard(DashboardSubscribers Subscribers, long OptOutsThisWeek, IReadOnlyList<UpcomingFire> Upcoming, IReadOnlyList<RecentOccurrence> Recent);
