using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>Start-up of the Messenger channel: half-configured or malformed settings fail, naming the setting to fix.</summary>
[Collection(UsesRedis.Name)]
public sealed class MessengerOptionsTests(RedisServer redis)
{
    /// <summary>name; settings over a complete, valid configuration (null removes one); text the start-up error contains.</summary>
    public static TheoryData<string, string[], string> BadSettings() => new()
    {
        { "no page token", ["Messenger:PageAccessToken="], "Messenger:PageAccessToken" },
        { "only the app secret", ["Messenger:VerifyToken=", "Messenger:PageAccessToken="], "Messenger:VerifyToken, Messenger:PageAccessToken" },
        { "version without v", ["Messenger:GraphApiVersion=26.0"], "Messenger:GraphApiVersion" },
        { "base URL not absolute", ["Messenger:GraphApiBaseUrl=graph.facebook.com"], "Messenger:GraphApiBaseUrl" },
        { "page id not numeric", ["Messenger:PageId=my-page"], "Messenger:PageId" },
        { "window of zero", ["Messenger:StandardWindow=00:00:00"], "Messenger:StandardWindow" },
        { "timeout of an hour", ["Messenger:RequestTimeout=01:00:00"], "Messenger:RequestTimeout" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_up_fails_naming_the_setting(string name, string[] changes, string named)
    {
        var settings = changes.ToDictionary(c => c[..c.IndexOf('=', StringComparison.Ordinal)], c => (string?)c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..]);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await MessengerBot.StartAsync(redis, settings)).DisposeAsync());

        Assert.True(error.Message.Contains(named, StringComparison.Ordinal), $"[{name}] '{error.Message}' does not name {named}");
    }

    [Fact]
    public async Task Without_a_page_id_replies_go_to_me_messages()
    {
        await using var bot = await MessengerBot.StartAsync(redis, new Dictionary<string, string?> { ["Messenger:PageId"] = null, ["Messenger:GraphApiVersion"] = "v25.0" });
        var psid = MessengerBot.NewPsid();

        using var response = await bot.PostSignedAsync(MessengerBot.Envelope([MessengerBot.TextEvent(psid, "DK")]));

        Assert.Equal("/v25.0/me/messages", Assert.Single(await bot.WaitForSendsAsync(psid, 1)).Request.PathAndQuery);
    }
}
