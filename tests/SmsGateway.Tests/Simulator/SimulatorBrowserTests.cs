using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using OpenQA.Selenium;

namespace SmsGateway.Tests.Simulator;

/// <summary>
/// The issue's "done when", in a real browser: on /simulator a person subscribes, opens the menu,
/// picks a topic, asks a question without marks and gets answers that fit the segment limit, and opts out.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class SimulatorBrowserTests(RedisServer redis) : IAsyncLifetime
{
    private GatewayHost _host = null!;
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(redis, new Dictionary<string, string?> { ["Sms:Provider"] = "simulator" });
        _browser = Browser.Start(width: 1000);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    private Task<IReadOnlyList<string>> RepliesAsync(int count) =>
        _browser.TextsAsync(".msg.out", texts => texts.Count >= count, $"{count} message(s) from the gateway on the phone");

    private void Type(string text)
    {
        var box = _browser.Find("#text");
        box.SendKeys(text);
        _browser.Find("#send").Click();
    }

    [Fact]
    public async Task A_resident_subscribes_browses_asks_and_opts_out_from_the_phone_page()
    {
        const string phone = "0915550101";
        _browser.Open(new Uri(_host.BaseAddress, $"simulator?phone={phone}"));
        await _browser.TextsAsync("#number", t => t.Count == 1 && t[0] == "+84915550101", "the phone's number shown");

        Type("DK");
        Assert.StartsWith("Dang ky thanh cong", (await RepliesAsync(1))[0], StringComparison.Ordinal);

        _browser.Find("[data-quick='MENU']").Click();
        Assert.Contains("1. ", (await RepliesAsync(2))[1], StringComparison.Ordinal);
        _browser.Find("[data-quick='1']").Click();
        await RepliesAsync(3);

        // The keyboard drops marks as a feature phone's would.
        _browser.Find("#text").SendKeys("Làm căn cước cho con ở đâu");
        Assert.Equal("Lam can cuoc cho con o dau", _browser.Find("#text").GetAttribute("value"));
        _browser.Find("#send").Click();
        var answer = (await RepliesAsync(4))[3];
        Assert.Matches(@"\d+ chars · [123] SMS · GSM-7", answer); // the meta line under the message

        _browser.Find("[data-quick='HUY']").Click();
        await RepliesAsync(5);
        var subscriber = await _host.Get<SubscriberStore>().FindAsync(Channel.Sms, "+84915550101");
        Assert.Equal(SubscriberStatus.OptedOut, subscriber!.Status);
    }

    [Fact]
    public async Task A_message_sent_from_outside_the_page_arrives_live()
    {
        const string phone = "0915550102";
        _browser.Open(new Uri(_host.BaseAddress, $"simulator?phone={phone}"));
        await _browser.TextsAsync("#number", t => t.Count == 1 && t[0] == "+84915550102", "the phone's number shown");
        await Task.Delay(500); // the page's live subscription opens after it loads

        await _host.Get<SmsGateway.Sending.SmsSender>().EnqueueAsync("+84915550102", "Thông báo: họp thôn tối thứ Bảy", Campaign.Core.Delivery.DeliveryKind.Campaign);

        Assert.StartsWith("Thong bao: hop thon toi thu Bay", (await RepliesAsync(1))[0], StringComparison.Ordinal);
    }
}
