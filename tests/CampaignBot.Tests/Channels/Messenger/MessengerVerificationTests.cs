using System.Net;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>GET /messenger/webhook: Meta's verification of the callback URL (protocols.md §3).</summary>
[Collection(UsesRedis.Name)]
public sealed class MessengerVerificationTests(RedisServer redis)
{
    /// <summary>name; the query string Meta sends; expected status; the expected body (the challenge) or text in the refusal.</summary>
    public static TheoryData<string, string, int, string> Requests() => new()
    {
        { "subscribe with our token: the challenge back", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock", 200, "1158201444" },
        { "parameters in another order", "hub.verify_token=meatyhamhock&hub.challenge=CHALLENGE_ACCEPTED&hub.mode=subscribe", 200, "CHALLENGE_ACCEPTED" },
        { "wrong token", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong", 403, "hub.verify_token does not match" },
        { "token in another case", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=MEATYHAMHOCK", 403, "hub.verify_token does not match" },
        { "token with a prefix", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=xmeatyhamhock", 403, "hub.verify_token does not match" },
        { "no token", "hub.mode=subscribe&hub.challenge=1158201444", 403, "hub.verify_token does not match" },
        { "wrong mode", "hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock", 403, "hub.mode is not subscribe" },
        { "no mode", "hub.challenge=1158201444&hub.verify_token=meatyhamhock", 403, "hub.mode is not subscribe" },
        { "mode twice", "hub.mode=subscribe&hub.mode=subscribe&hub.challenge=1&hub.verify_token=meatyhamhock", 403, "hub.mode is not subscribe" },
        { "no challenge", "hub.mode=subscribe&hub.verify_token=meatyhamhock", 400, "hub.challenge is missing" },
        { "nothing", "", 403, "does not match" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Verification(string name, string query, int status, string body)
    {
        await using var bot = await MessengerBot.StartAsync(redis);

        using var response = await bot.Host.Client.GetAsync("messenger/webhook" + (query.Length > 0 ? "?" + query : ""));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        if (status == 200)
        {
            Assert.Equal(body, text); // the raw challenge, nothing around it
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Contains(body, text, StringComparison.Ordinal);
        }
        Assert.Empty(bot.Graph.Requests);
    }

    [Fact]
    public async Task With_the_channel_off_the_webhook_is_not_there()
    {
        await using var host = await BotHost.StartAsync(redis, new Dictionary<string, string?>());

        using var get = await host.Client.GetAsync("messenger/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=meatyhamhock");
        using var post = await host.Client.PostAsync("messenger/webhook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
