using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.WebChat;

/// <summary>The web chat in a real phone-sized browser: welcome, menu buttons, an answer, opting out.</summary>
[Collection(UsesRedis.Name)]
public sealed class WebChatBrowserTests(RedisServer redis) : IAsyncLifetime
{
    private BotHost _host = null!;
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(redis, new Dictionary<string, string?>());
        _browser = Browser.Start();
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    private Task<IReadOnlyList<string>> BotSaysAsync(int count) =>
        _browser.TextsAsync(".msg.bot", texts => texts.Count >= count, $"{count} bot message(s)");

    [Fact]
    public async Task A_first_visit_is_welcomed_and_the_menu_buttons_lead_to_answers()
    {
        var content = _host.Get<ContentStore>().Current;
        _browser.Open(new Uri(_host.BaseAddress, "chat"));

        Assert.StartsWith("Xin chào bà con", (await BotSaysAsync(1))[0], StringComparison.Ordinal);
        Assert.Equal(content.WebChatTexts[UiText.Title], _browser.Find("#title").Text);

        _browser.Find("#menu").Click();
        var buttons = await _browser.TextsAsync(".choices button", b => b.Count == content.Menu.Count, "one button per menu topic");
        Assert.Equal(content.Menu.Select(m => m.Title), buttons);

        _browser.Find(".choices button").Click();
        Assert.True((await BotSaysAsync(3))[2].Length > 100, "the first topic's answer");

        _browser.Find("#text").SendKeys("HUY" + OpenQA.Selenium.Keys.Enter);
        var optedOut = content.Reply(ReplyId.OptedOut).Chat.Source[..20];
        Assert.StartsWith(optedOut, (await BotSaysAsync(4))[3], StringComparison.Ordinal);
    }
}
