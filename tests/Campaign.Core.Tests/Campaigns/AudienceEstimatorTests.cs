using Campaign.Core.Areas;
using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>An audience's size from per-area counts: the tree decides containment, each resident counts once.</summary>
public sealed class AudienceEstimatorTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    // D0199 looks as if it were inside D01 but sits under D02; 30388 is inside 91 without its prefix.
    private static readonly AreaDirectory Areas = new(
    [
        new Area("D01", "Tỉnh Minh Họa", AreaLevel.Province, null, true, NoSettings),
        new Area("D0101", "Xã An Hòa", AreaLevel.Commune, "D01", true, NoSettings),
        new Area("D010101", "Thôn Đông", AreaLevel.Hamlet, "D0101", true, NoSettings),
        new Area("D0102", "Xã Bình Minh", AreaLevel.Commune, "D01", true, NoSettings),
        new Area("D02", "Tỉnh Thử Nghiệm", AreaLevel.Province, null, true, NoSettings),
        new Area("D0199", "Xã Lạc Chỗ", AreaLevel.Commune, "D02", true, NoSettings),
        new Area("91", "Tỉnh An Giang", AreaLevel.Province, null, false, NoSettings),
        new Area("30388", "Xã Tân An", AreaLevel.Commune, "91", false, NoSettings),
    ]);

    private static readonly AreaChannelCount[] Counts =
    [
        new("D0101", Channel.Sms, 10),
        new("D010101", Channel.Sms, 5),
        new("D010101", Channel.Zalo, 2),
        new("D0102", Channel.Messenger, 7),
        new("D0199", Channel.Sms, 100),
        new("30388", Channel.Sms, 3),
        new("", Channel.Sms, 50),
        new("GONE", Channel.Sms, 9),
    ];

    [Fact]
    public void A_province_counts_everything_below_it_and_nested_areas_are_not_counted_twice()
    {
        var estimate = AudienceEstimator.Estimate(new Audience(["D01", "D0101"], [Channel.Sms, Channel.Zalo], []), Counts, Areas);

        Assert.Equal(17, estimate.Total);
        Assert.Equal(new Dictionary<Channel, long> { [Channel.Sms] = 15, [Channel.Zalo] = 2 }, estimate.ByChannel);
        Assert.Equal([new AreaEstimate("D01", "Tỉnh Minh Họa", 17), new AreaEstimate("D0101", "Xã An Hòa", 17)], estimate.ByArea);
        Assert.False(estimate.TopicsApplied);
    }

    [Fact]
    public void Containment_is_the_trees_not_the_codes_prefix()
    {
        var official = AudienceEstimator.Estimate(new Audience(["91"], [Channel.Sms], []), Counts, Areas);
        var lookalike = AudienceEstimator.Estimate(new Audience(["D01"], [Channel.Sms], []), Counts, Areas);

        Assert.Equal((3, 15), (official.Total, lookalike.Total));
    }

    [Fact]
    public void A_channel_with_nobody_is_listed_with_zero_and_unknown_areas_count_nothing()
    {
        var estimate = AudienceEstimator.Estimate(new Audience(["D0102", "NOPE"], [Channel.Sms, Channel.Messenger], []), Counts, Areas);

        Assert.Equal(7, estimate.Total);
        Assert.Equal(new Dictionary<Channel, long> { [Channel.Sms] = 0, [Channel.Messenger] = 7 }, estimate.ByChannel);
        Assert.Equal([new AreaEstimate("D0102", "Xã Bình Minh", 7)], estimate.ByArea);
    }
}
