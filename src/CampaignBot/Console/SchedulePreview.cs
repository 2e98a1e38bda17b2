using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>The body of <c>POST /api/admin/schedule/preview</c>: a schedule as a campaign holds it.</summary>
public sealed record SchedulePreviewRequest(Schedule? Schedule);

/// <summary>One coming fire: the instant, Vietnam's wall-clock time (ISO, +07:00), and the same in plain Vietnamese.</summary>
public sealed record FirePreview(DateTimeOffset Utc, string Local, string Text);

/// <summary>The next fires of a schedule and one sentence saying what it does.</summary>
public sealed record SchedulePreviewResponse(IReadOnlyList<FirePreview> Fires, string Summary);
