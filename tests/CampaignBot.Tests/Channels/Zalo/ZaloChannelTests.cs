using System.Net;
using Campaign.TestSupport;
using CampaignBot.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>Whether the Zalo channel runs, and start-up checks of its settings, each failure naming the setting.</summary>
[Collection(UsesRedis.Name)]
public sealed class ZaloChannelTests(RedisServer redis)
{
    [Fact]
    public async Task With_no_Zalo_settings_the_channel_is_off_and_its_webhook_absent()
    {
        await using var host = await BotHost.StartAsync(redis, new Dictionary<string, string?>());

        using var response = await host.Client.PostAsync("zalo/webhook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(host.Services.GetService<ZaloSender>());
    }

    /// <summary>name; settings over a complete configuration (null removes one); text the start-up error must contain.</summary>
    public static TheoryData<string, Dictionary<string, string?>, string> BadSettings() => new()
    {
        { "half-configured: no OA secret key", new() { ["Zalo:OaSecretKey"] = null }, "Zalo:OaSecretKey" },
        { "half-configured: no refresh token", new() { ["Zalo:RefreshToken"] = null }, "Zalo:RefreshToken" },
        { "API base URL not a URL", new() { ["Zalo:ApiBaseUrl"] = "openapi.zalo.me" }, "Zalo:ApiBaseUrl" },
        { "OAuth base URL not http(s)", new() { ["Zalo:OAuthBaseUrl"] = "ftp://oauth.zaloapp.com" }, "Zalo:OAuthBaseUrl" },
        { "request timeout zero", new() { ["Zalo:RequestTimeout"] = "00:00:00" }, "Zalo:RequestTimeout" },
        { "consultation window zero", new() { ["Zalo:ConsultationWindow"] = "00:00:00" }, "Zalo:ConsultationWindow" },
        { "an error code that is not a number", new() { ["Zalo:TokenErrorCodes"] = "-216,expired" }, "Zalo:TokenErrorCodes" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_fails_start_up_naming_it(string name, Dictionary<string, string?> changes, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = ZaloBot.AppId,
            ["Zalo:OaSecretKey"] = ZaloBot.OaSecretKey,
            ["Zalo:AppSecret"] = ZaloBot.AppSecret,
            ["Zalo:AccessToken"] = ZaloBot.InitialAccessToken,
            ["Zalo:RefreshToken"] = ZaloBot.InitialRefreshToken,
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        var error = await Record.ExceptionAsync(async () => await (await BotHost.StartAsync(redis, settings)).DisposeAsync());

        Assert.True(error is not null, $"[{name}] started");
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consultation_window_is_there_for_the_delivery_pipeline()
    {
        await using var bot = await ZaloBot.StartAsync(redis, new Dictionary<string, string?> { ["Zalo:ConsultationWindow"] = "5.00:00:00" });

        Assert.Equal(TimeSpan.FromDays(5), bot.Host.Get<ZaloOptions>().ConsultationWindow);
    }
}
