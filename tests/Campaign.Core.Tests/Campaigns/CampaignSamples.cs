using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>Campaigns, clocks and catalogs the campaign tests share.</summary>
internal static class CampaignSamples
{
    /// <summary>Monday 2 March 2026, 09:15 in Vietnam.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(7));

    public static readonly CampaignContent Content = ContentLoader.Load(RepoPaths.Content);

    public const string Series = "ba-tru-cot";

    /// <summary>
    /// The real themes, placeholders and demo areas; containment by code prefix stands in for the
    /// area tree (the validator only sees the delegate).
    /// </summary>
    public static readonly CampaignCatalog Catalog = new(
        areaExists: code => Content.Areas.Find(code) is not null,
        isWithin: (code, ancestor) => code.StartsWith(ancestor, StringComparison.OrdinalIgnoreCase),
        topicIds: Content.Themes.Select(t => t.Id),
        placeholders: Content.Placeholders,
        seriesExists: id => id == Series);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A one-off on Zalo and SMS to the demo commune D0101, next Monday at 08:00: valid.</summary>
    public static CampaignDefinition Definition() => new(
        "Hướng dẫn dịch vụ công trực tuyến",
        new Audience(["D0101"], [Channel.Zalo, Channel.Sms], ["chinh-quyen"]),
        new Dictionary<string, MessageText>
        {
            ["vi"] = new(
                "Xã tổ chức hướng dẫn bà con sử dụng dịch vụ công trực tuyến. Mọi thắc mắc xin liên hệ {commune_office}.",
                "Xa to chuc huong dan ba con su dung dich vu cong truc tuyen. Thac mac xin lien he {commune_office}."),
        },
        new OneOffSchedule(new DateTime(2026, 3, 9, 8, 0, 0)));

    public static CampaignRecord Draft(string owner = "ana", string id = "7") => new()
    {
        Id = id,
        Title = "Hướng dẫn dịch vụ công trực tuyến",
        OwnerId = owner,
        Audience = Definition().Audience,
        Message = Definition().Message,
        Schedule = Definition().Schedule,
        Status = CampaignStatus.Draft,
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
