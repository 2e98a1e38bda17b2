using System.Globalization;
using Campaign.Core.Campaigns;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>Fire times in Vietnam's wall clock: cron through Quartz, start and end bounds, one-offs, and drip steps across midnight and month ends.</summary>
public sealed class CampaignScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset Local(string text) => new(DateTime.Parse(text, CultureInfo.InvariantCulture), Vietnam);

    private static string[] LocalTimes(IEnumerable<FireTime> fires) => fires.Select(f => f.Local.ToString("yyyy-MM-dd HH:mm ddd", CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void The_zone_resolves_by_its_IANA_id_and_is_UTC_plus_7_all_year()
    {
        Assert.Equal(CampaignSchedule.ZoneId, CampaignSchedule.Zone.Id);
        for (var day = new DateTime(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            Assert.Equal(Vietnam, CampaignSchedule.Zone.GetUtcOffset(day.AddHours(12)));
        }
        Assert.False(CampaignSchedule.Zone.IsInvalidTime(new DateTime(2026, 3, 29, 2, 30, 0)));   // Europe's spring-forward night is nothing here
    }

    [Fact]
    public void Monday_at_eight_local_fires_at_one_UTC()
    {
        var weekly = new RecurringSchedule("0 0 8 ? * MON", new DateOnly(2026, 3, 1));

        var fires = CampaignSchedule.Next(weekly, Utc("2026-03-01T00:00:00"), 3);

        Assert.Equal([Utc("2026-03-02T01:00:00"), Utc("2026-03-09T01:00:00"), Utc("2026-03-16T01:00:00")], fires.Select(f => f.Utc));
        Assert.All(fires, f => Assert.Equal(TimeSpan.Zero, f.Utc.Offset));
        Assert.Equal(["2026-03-02 08:00 Mon", "2026-03-09 08:00 Mon", "2026-03-16 08:00 Mon"], LocalTimes(fires));
    }

    [Fact]
    public void Early_morning_local_is_the_previous_day_in_UTC()
    {
        var daily = new RecurringSchedule("0 0 6 * * ?", new DateOnly(2026, 3, 2));

        var first = Assert.Single(CampaignSchedule.Next(daily, Utc("2026-03-01T00:00:00"), 1));

        Assert.Equal(Utc("2026-03-01T23:00:00"), first.Utc);
        Assert.Equal(new DateTime(2026, 3, 2, 6, 0, 0), first.Local);
    }

    [Fact]
    public void Start_and_end_are_whole_local_days()
    {
        // 00:00 on the first day and 23:30 on the last both count; nothing after the end.
        var schedule = new RecurringSchedule("0 0,30 0,23 * * ?", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));

        var fires = CampaignSchedule.Next(schedule, Utc("2026-01-01T00:00:00"), 20);

        Assert.Equal(
            ["2026-03-02 00:00 Mon", "2026-03-02 00:30 Mon", "2026-03-02 23:00 Mon", "2026-03-02 23:30 Mon",
             "2026-03-03 00:00 Tue", "2026-03-03 00:30 Tue", "2026-03-03 23:00 Tue", "2026-03-03 23:30 Tue"],
            LocalTimes(fires));
        Assert.Null(CampaignSchedule.NextAfter(schedule, fires[^1].Utc));
    }

    [Fact]
    public void Fires_are_strictly_after_the_given_instant()
    {
        var daily = new RecurringSchedule("0 0 8 * * ?", new DateOnly(2026, 3, 1));

        Assert.Equal(Local("2026-03-03 08:00"), CampaignSchedule.NextAfter(daily, Local("2026-03-02 08:00")));
        Assert.Equal(Local("2026-03-02 08:00"), CampaignSchedule.NextAfter(daily, Local("2026-03-02 07:59:59.999")));
    }

    [Fact]
    public void The_last_day_of_the_month_across_a_short_February()
    {
        var monthly = new RecurringSchedule("0 0 20 L * ?", new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30));

        Assert.Equal(
            ["2026-01-31 20:00 Sat", "2026-02-28 20:00 Sat", "2026-03-31 20:00 Tue", "2026-04-30 20:00 Thu"],
            LocalTimes(CampaignSchedule.Next(monthly, Utc("2025-12-31T00:00:00"), 10)));
    }

    [Fact]
    public void A_one_off_fires_once_at_its_local_time()
    {
        var once = new OneOffSchedule(new DateTime(2026, 3, 9, 8, 0, 0));

        Assert.Equal([Utc("2026-03-09T01:00:00")], CampaignSchedule.Next(once, Utc("2026-03-01T00:00:00"), 5).Select(f => f.Utc));
        Assert.Empty(CampaignSchedule.Next(once, Utc("2026-03-09T01:00:00"), 5));
    }

    [Fact]
    public void A_one_off_ignores_the_kind_of_its_date_time()
    {
        var asUtc = new OneOffSchedule(new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc));
        Assert.Equal(Utc("2026-03-09T01:00:00"), CampaignSchedule.NextAfter(asUtc, Utc("2026-03-01T00:00:00")));
    }

    [Fact]
    public void A_drip_campaign_fires_daily_at_its_hour()
    {
        var drip = new DripSchedule("ba-tru-cot", 9);

        Assert.Equal(
            ["2026-03-02 09:00 Mon", "2026-03-03 09:00 Tue", "2026-03-04 09:00 Wed"],
            LocalTimes(CampaignSchedule.Next(drip, Local("2026-03-02 08:59"), 3)));
        Assert.Equal(Local("2026-03-03 09:00"), CampaignSchedule.NextAfter(drip, Local("2026-03-02 09:00")));
    }

    [Fact]
    public void A_preview_is_bounded()
    {
        var hourly = new RecurringSchedule("0 0 * * * ?", new DateOnly(2026, 3, 1));
        Assert.Equal(CampaignSchedule.MaxPreview, CampaignSchedule.Next(hourly, Utc("2026-03-01T00:00:00"), 10_000).Count);
        Assert.Empty(CampaignSchedule.Next(new RecurringSchedule("not cron", new DateOnly(2026, 3, 1)), Utc("2026-03-01T00:00:00"), 5));
    }

    public static TheoryData<string, string, int, int, string> DripSteps => new()
    {
        { "before the hour: the same morning", "2026-03-02 08:30", 0, 9, "2026-03-02 09:00" },
        { "on the hour exactly: at once", "2026-03-02 09:00", 0, 9, "2026-03-02 09:00" },
        { "a second after the hour: tomorrow", "2026-03-02 09:00:01", 0, 9, "2026-03-03 09:00" },
        { "late at night: next morning", "2026-03-02 23:30", 0, 9, "2026-03-03 09:00" },
        { "just after local midnight (still the previous day in UTC)", "2026-03-03 00:30", 0, 9, "2026-03-03 09:00" },
        { "day 2 after a late morning subscription", "2026-01-31 10:00", 2, 9, "2026-02-03 09:00" },
        { "day 2 across the end of January", "2026-01-31 08:00", 2, 9, "2026-02-02 09:00" },
        { "day 1 across the end of a short February", "2026-02-28 23:30", 1, 9, "2026-03-02 09:00" },
        { "day 1 onto a leap day", "2028-02-28 20:00", 1, 21, "2028-02-29 21:00" },
        { "day 5 across the end of the year", "2026-12-29 15:00", 5, 9, "2027-01-04 09:00" },
        { "hour 0 just before midnight", "2026-12-31 23:59", 0, 0, "2027-01-01 00:00" },
        { "hour 0 at midnight", "2026-03-02 00:00", 0, 0, "2026-03-02 00:00" },
        { "hour 23, one minute late", "2026-03-31 23:01", 0, 23, "2026-04-01 23:00" },
    };

    [Theory]
    [MemberData(nameof(DripSteps))]
    public void A_drip_step_is_due_at_the_first_local_hour_at_or_after_subscription_plus_offset(string name, string subscribed, int offsetDays, int hour, string expected)
    {
        _ = name;
        var due = CampaignSchedule.DripStepAt(Local(subscribed), offsetDays, hour);

        Assert.Equal(Local(expected), due);
        var (after, upTo) = CampaignSchedule.DripSubscriptionWindow(due, offsetDays);
        Assert.True(Local(subscribed) > after && Local(subscribed) <= upTo, $"{subscribed} is not in ({after}, {upTo}]");
    }

    [Fact]
    public void Each_subscription_falls_in_exactly_one_daily_window()
    {
        const int hour = 9;
        const int offset = 2;
        var fires = CampaignSchedule.Next(new DripSchedule("s", hour), Local("2026-02-20 00:00"), 20).Select(f => f.Utc).ToArray();
        var windows = fires.Select(f => CampaignSchedule.DripSubscriptionWindow(f, offset)).ToArray();

        // Every 7 minutes over a week that spans the end of February, to land on and around the hour.
        for (var subscribed = Local("2026-02-22 00:00"); subscribed < Local("2026-03-01 00:00"); subscribed = subscribed.AddMinutes(7))
        {
            var due = CampaignSchedule.DripStepAt(subscribed, offset, hour);
            var matching = fires.Where((_, i) => subscribed > windows[i].After && subscribed <= windows[i].UpTo).ToArray();
            Assert.Equal([due], matching);
        }
    }
}
