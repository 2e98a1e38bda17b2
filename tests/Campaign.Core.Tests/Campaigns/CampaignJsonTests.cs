using System.Text.Json;
using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using static Campaign.Core.Tests.Campaigns.CampaignSamples;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>The JSON shape shared by Redis and the API: the names validation problems refer to.</summary>
public sealed class CampaignJsonTests
{
    [Fact]
    public void Fields_are_named_as_validation_reports_them()
    {
        using var json = JsonDocument.Parse(CampaignJson.Serialize(Draft()));
        var root = json.RootElement;

        Assert.Equal("draft", root.GetProperty("status").GetString());
        Assert.Equal(["D0101"], root.GetProperty("audience").GetProperty("areaCodes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["zalo", "sms"], root.GetProperty("audience").GetProperty("channels").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Xa to chuc", root.GetProperty("message").GetProperty("vi").GetProperty("sms").GetString(), StringComparison.Ordinal);
        Assert.Equal("oneOff", root.GetProperty("schedule").GetProperty("kind").GetString());
        Assert.Equal("2026-03-09T08:00:00", root.GetProperty("schedule").GetProperty("at").GetString());
        Assert.False(root.TryGetProperty("seriesId", out _));
        Assert.False(root.TryGetProperty("approvedBy", out _));
    }

    [Fact]
    public void A_request_body_reads_with_the_kind_anywhere_and_times_in_any_offset()
    {
        const string body = """
            {
              "title": "Họp thôn",
              "audience": { "areaCodes": ["D0101"], "channels": ["sms", "webchat"] },
              "schedule": { "at": "2026-03-09T01:00:00Z", "kind": "oneOff" }
            }
            """;

        var definition = JsonSerializer.Deserialize<CampaignDefinition>(body, CampaignJson.Options)!;

        Assert.Equal(new OneOffSchedule(new DateTime(2026, 3, 9, 8, 0, 0)), definition.Schedule);
        Assert.Equal([Channel.Sms, Channel.WebChat], definition.Audience.Channels);
        Assert.Empty(definition.Audience.Topics);
        Assert.Equal("vi", definition.Audience.Language);
        Assert.Null(definition.Message);
    }

    [Fact]
    public void An_unknown_channel_is_a_JSON_error_that_names_the_choices()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Audience>("""{"areaCodes":["D01"],"channels":["fax"]}""", CampaignJson.Options));
        Assert.Contains("'fax' is not a channel; use one of sms, zalo, messenger, webchat, botframework", e.Message, StringComparison.Ordinal);
    }
}
