namespace CampaignBot.Tests.Console;

/// <summary>Campaign bodies as a client sends them, in the demo areas (D01 province, D0101 and D0102 communes).</summary>
internal static class CampaignBodies
{
    private const string Message = """
        "message": { "vi": {
          "chat": "Xã tổ chức hướng dẫn bà con sử dụng dịch vụ công trực tuyến.",
          "sms": "Xa to chuc huong dan ba con su dung dich vu cong truc tuyen." } }
        """;

    /// <summary>08:00 every Monday from 1 January 2030 (a Tuesday): first fire Monday 7 January 2030.</summary>
    public static string Recurring(string area = "D0101", string cron = "0 0 8 ? * MON", string title = "Hướng dẫn dịch vụ công") => $$"""
        {
          "title": "{{title}}",
          "audience": { "areaCodes": ["{{area}}"], "channels": ["zalo", "sms"], "topics": [] },
          {{Message}},
          "schedule": { "kind": "recurring", "cron": "{{cron}}", "start": "2030-01-01", "end": "2030-12-31" }
        }
        """;
}
