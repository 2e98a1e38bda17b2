using System.Text.Json.Serialization;

namespace Campaign.Core.Campaigns;

/// <summary>
/// When a campaign fires. Every date and time is wall-clock time in Asia/Ho_Chi_Minh
/// (<see cref="CampaignSchedule.Zone"/>); <see cref="CampaignSchedule"/> turns them into instants.
/// JSON names the kind in <c>"kind"</c>: <c>oneOff</c>, <c>recurring</c> or <c>drip</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OneOffSchedule), "oneOff")]
[JsonDerivedType(typeof(RecurringSchedule), "recurring")]
[JsonDerivedType(typeof(DripSchedule), "drip")]
public abstract record Schedule;

/// <summary>Fires once.</summary>
/// <param name="At">Local date and time (its <see cref="DateTime.Kind"/> is ignored).</param>
public sealed record OneOffSchedule([property: JsonConverter(typeof(LocalDateTimeJsonConverter))] DateTime At) : Schedule;

/// <summary>Fires at every time the Quartz cron expression matches, on local days <paramref name="Start"/> to <paramref name="End"/>.</summary>
/// <param name="Cron">Quartz syntax: seconds minutes hours day-of-month month day-of-week [year], e.g. <c>0 0 8 ? * MON</c>.</param>
/// <param name="Start">First local day it may fire (from 00:00).</param>
/// <param name="End">Last local day it may fire (to 24:00), inclusive; null for no end.</param>
public sealed record RecurringSchedule(string Cron, DateOnly Start, DateOnly? End = null) : Schedule;

/// <summary>
/// Sends the steps of a series in <c>content/</c> to each subscriber at offsets after their
/// subscription, at a local hour: a step is due at the first <paramref name="LocalHour"/>:00 at or
/// after the subscription time plus the step's offset in local calendar days
/// (<see cref="CampaignSchedule.DripStepAt"/>). The campaign itself fires daily at that hour.
/// </summary>
/// <param name="SeriesId">The series' id in <c>content/</c>.</param>
/// <param name="LocalHour">0–23.</param>
public sealed record DripSchedule(string SeriesId, int LocalHour) : Schedule;
