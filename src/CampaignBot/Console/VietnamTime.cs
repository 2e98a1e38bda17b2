using System.Globalization;
using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>
/// Times as officers read them: ISO 8601 with Vietnam's offset for pages and CSV
/// ("2030-01-07T08:00:00+07:00"), and plain Vietnamese for people ("Thứ Hai, 07/01/2030 lúc 08:00").
/// </summary>
internal static class VietnamTime
{
    private static readonly string[] Weekdays = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    /// <summary>The instant in Vietnam's wall-clock time, with its offset.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, CampaignSchedule.Zone);

    public static string Iso(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? instant) => instant is { } at ? Iso(at) : null;

    /// <summary>"Thứ Hai, 07/01/2030 lúc 08:00".</summary>
    public static string Text(DateTimeOffset instant) => Text(CampaignSchedule.ToLocal(instant));

    public static string Text(DateTime local) =>
        $"{Weekdays[(int)local.DayOfWeek]}, {local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} lúc {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Today in Vietnam.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(CampaignSchedule.ToLocal(time.GetUtcNow()));
}
