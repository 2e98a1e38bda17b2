using System.Globalization;
using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>One plain Vietnamese sentence saying when a schedule sends, for officers checking what they set up.</summary>
internal static class ScheduleSummary
{
    public static string Describe(Schedule schedule, IReadOnlyList<FireTime> next) => schedule switch
    {
        OneOffSchedule oneOff => $"Gửi một lần vào {VietnamTime.Text(oneOff.At)}.",
        RecurringSchedule recurring => Recurring(recurring, next),
        DripSchedule drip => $"Gửi theo chuỗi tin \"{drip.SeriesId}\" cho từng người đăng ký, lúc {drip.LocalHour.ToString("00", CultureInfo.InvariantCulture)}:00 hằng ngày theo giờ Việt Nam.",
        _ => "",
    };

    private static string Recurring(RecurringSchedule recurring, IReadOnlyList<FireTime> next)
    {
        var period = recurring.End is { } end
            ? $"từ {VietnamTime.Day(recurring.Start)} đến hết {VietnamTime.Day(end)}"
            : $"từ {VietnamTime.Day(recurring.Start)}, không có ngày kết thúc";
        var first = next.Count > 0 ? $" Lần gửi tới: {VietnamTime.Text(next[0].Local)}." : " Không còn lần gửi nào.";
        return $"Gửi định kỳ {period}.{first}";
    }
}
