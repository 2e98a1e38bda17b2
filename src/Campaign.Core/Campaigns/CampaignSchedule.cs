using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace Campaign.Core.Campaigns;

/// <summary>
/// When schedules fire, in instants and in Vietnam's wall-clock time. Cron expressions are read by
/// Quartz's <see cref="CronExpression"/> in <see cref="Zone"/>, exactly as the Quartz triggers will
/// fire them, so what an officer previews is what happens. Vietnam has kept UTC+7 with no daylight
/// saving since 1975, so every local time maps to exactly one instant; the code still goes through
/// the zone rather than a fixed offset.
/// </summary>
public static class CampaignSchedule
{
    /// <summary>The IANA id; .NET resolves it on Linux (tzdata) and on Windows (ICU mapping).</summary>
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The most fire times one preview returns.</summary>
    public const int MaxPreview = 100;

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The instant of a local date and time (its <see cref="DateTime.Kind"/> is ignored).</summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    /// <summary>The local date and time of an instant (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public static DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant a local day starts (00:00).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Parses a Quartz cron expression in <see cref="Zone"/>, or says why it is not one.</summary>
    public static bool TryParseCron(string? expression, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "empty";
            return false;
        }
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields < 6)
        {
            error = $"{fields} field{(fields == 1 ? "" : "s")}{(fields == 5 ? " (a Unix cron?)" : "")}; Quartz needs 6 or 7: {CronFields}";
            return false;
        }
        try
        {
            cron = new CronExpression(expression) { TimeZone = Zone };
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            // Quartz sometimes reports an internal error (an index out of range) instead of the field it could not read.
            error = e.Message.StartsWith("Illegal cron expression format", StringComparison.Ordinal)
                ? $"a field is not something Quartz can read; each is a number, a range (1-5), a list (1,3), a step (0/15), * or ? (day fields only), or a name (MON, JAN): {CronFields}"
                : e.Message.TrimEnd('.', ' ');
            return false;
        }
    }

    private const string CronFields = "seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 8 ? * MON' for 08:00 every Monday";

    /// <summary>
    /// The first fire strictly after <paramref name="after"/>, or null when the schedule will never
    /// fire again (a one-off in the past, a recurring schedule past its end, an invalid cron).
    /// A drip schedule fires every day at its local hour; each firing delivers the steps then due.
    /// </summary>
    public static DateTimeOffset? NextAfter(Schedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        switch (schedule)
        {
            case OneOffSchedule oneOff:
                var at = ToInstant(oneOff.At);
                return at > after ? at : null;
            case RecurringSchedule recurring:
                return NextRecurring(recurring, after);
            case DripSchedule drip:
                if (drip.LocalHour is < 0 or > 23)
                {
                    return null;
                }
                var local = ToLocal(after);
                var today = ToInstant(local.Date.AddHours(drip.LocalHour));
                return today > after ? today : ToInstant(local.Date.AddDays(1).AddHours(drip.LocalHour));
            default:
                throw new ArgumentOutOfRangeException(nameof(schedule), schedule.GetType().Name, "unknown schedule kind");
        }
    }

    /// <summary>The next <paramref name="count"/> fires (at most <see cref="MaxPreview"/>) strictly after <paramref name="after"/>; fewer when the schedule ends.</summary>
    public static IReadOnlyList<FireTime> Next(Schedule schedule, DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var fires = new List<FireTime>(Math.Min(count, MaxPreview));
        var cursor = after;
        while (fires.Count < Math.Min(count, MaxPreview) && NextAfter(schedule, cursor) is { } next)
        {
            fires.Add(FireTime.At(next));
            cursor = next;
        }
        return fires;
    }

    /// <summary>
    /// When a drip step is due for someone who subscribed at <paramref name="subscribedAt"/>: the
    /// first <paramref name="localHour"/>:00 at or after the subscription time plus
    /// <paramref name="offsetDays"/> local calendar days. So with hour 9, subscribing at 08:30 gets
    /// step 0 at 09:00 the same day, at 09:00 exactly gets it at once, and at 23:30 gets it at 09:00
    /// the next day; step 2 after a subscription on 31 January at 10:00 is due on 3 February at 09:00.
    /// </summary>
    public static DateTimeOffset DripStepAt(DateTimeOffset subscribedAt, int offsetDays, int localHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offsetDays);
        ArgumentOutOfRangeException.ThrowIfNegative(localHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localHour, 23);
        var shifted = ToLocal(subscribedAt).AddDays(offsetDays);
        var sameDay = shifted.Date.AddHours(localHour);
        return ToInstant(sameDay >= shifted ? sameDay : sameDay.AddDays(1));
    }

    /// <summary>
    /// The subscriptions whose step at <paramref name="offsetDays"/> is due at a drip campaign's fire
    /// <paramref name="fireAt"/> (a local hour on the hour): subscribed after <c>After</c> and at or
    /// before <c>UpTo</c>. Consecutive daily fires give adjacent windows, so every subscription falls
    /// in exactly one.
    /// </summary>
    public static (DateTimeOffset After, DateTimeOffset UpTo) DripSubscriptionWindow(DateTimeOffset fireAt, int offsetDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offsetDays);
        var local = ToLocal(fireAt);
        return (ToInstant(local.AddDays(-offsetDays - 1)), ToInstant(local.AddDays(-offsetDays)));
    }

    private static DateTimeOffset? NextRecurring(RecurringSchedule recurring, DateTimeOffset after)
    {
        if (!TryParseCron(recurring.Cron, out var cron, out _))
        {
            return null;
        }
        // Quartz finds the first match strictly after the instant it is given, so start one second before the first day.
        var start = StartOf(recurring.Start).AddSeconds(-1);
        var next = cron.GetNextValidTimeAfter(after > start ? after : start);
        if (next is not { } fire)
        {
            return null;
        }
        if (recurring.End is { } end && fire >= StartOf(end.AddDays(1)))
        {
            return null;
        }
        return fire.ToUniversalTime();
    }
}
