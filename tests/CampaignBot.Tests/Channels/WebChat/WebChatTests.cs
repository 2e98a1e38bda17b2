using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.WebChat;

/// <summary>The web chat over HTTP: the page, its texts from content, and conversations through the shared inbound path.</summary>
[Collection(UsesRedis.Name)]
public sealed class WebChatTests(RedisServer redis) : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(redis, new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string NewSession() => Guid.NewGuid().ToString();

    private async Task<JsonElement> SayAsync(string session, string text, string? id = null)
    {
        var response = await _host.Client.PostAsJsonAsync(new Uri("chat/api/messages", UriKind.Relative), new { session, id = id ?? Guid.NewGuid().ToString("N"), text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Replies(JsonElement body) => body.GetProperty("replies").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task The_page_and_its_texts_are_served_from_content()
    {
        var page = await _host.Client.GetAsync(new Uri("chat", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/chat/api/messages", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ui = await _host.Client.GetFromJsonAsync<Dictionary<string, string>>(new Uri("chat/api/ui", UriKind.Relative));
        var content = ContentLoader.Load(RepoPaths.Content);
        Assert.Equal(content.WebChatTexts[UiText.Title], ui![UiText.Title]);
        Assert.All(UiText.WebChatKeys, key => Assert.False(string.IsNullOrWhiteSpace(ui[key])));
    }

    [Fact]
    public async Task A_first_visit_is_welcomed_with_the_content_welcome()
    {
        var welcome = ContentLoader.Load(RepoPaths.Content).Reply(ReplyId.Welcome).Chat.Source;
        var body = await SayAsync(NewSession(), "");
        Assert.Equal(welcome.Split('{')[0].Trim()[..40], Replies(body).Single()[..40]);
    }

    public static TheoryData<string, string[], string> Conversations => new()
    {
        { "menu offers its topics as buttons", ["xin chao", "MENU"], "choices" },
        { "a button's value picks the topic", ["xin chao", "MENU", "1"], "answer" },
        { "an unaccented question is answered", ["xin chao", "kich hoat vneid muc 2 o dau"], "answer" },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Residents_talk_to_the_bot(string name, string[] messages, string expect)
    {
        _ = name;
        var session = NewSession();
        JsonElement last = default;
        foreach (var text in messages)
        {
            last = await SayAsync(session, text);
        }
        var reply = Replies(last).Single();
        if (expect == "choices")
        {
            var choices = last.GetProperty("choices").EnumerateArray().ToArray();
            Assert.True(choices.Length >= 3);
            Assert.Equal(Enumerable.Range(1, choices.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), choices.Select(c => c.GetProperty("value").GetString()));
            Assert.All(choices, c => Assert.Contains(c.GetProperty("label").GetString()!, reply, StringComparison.Ordinal));
        }
        else
        {
            Assert.True(reply.Length > 80, reply);
        }
    }

    [Fact]
    public async Task Subscribe_and_opt_out_work_and_are_recorded()
    {
        var session = NewSession();
        await SayAsync(session, "DK");
        var subscribers = _host.Get<SubscriberStore>();
        Assert.Equal(SubscriberStatus.Subscribed, (await subscribers.FindAsync(Channel.WebChat, session))!.Status);
        await SayAsync(session, "Hủy");
        Assert.Equal(SubscriberStatus.OptedOut, (await subscribers.FindAsync(Channel.WebChat, session))!.Status);
    }

    [Fact]
    public async Task A_retried_message_is_one_conversation_step()
    {
        var session = NewSession();
        var first = await SayAsync(session, "DK", id: "m1");
        var again = await SayAsync(session, "DK", id: "m1");
        Assert.Equal("handled", first.GetProperty("disposition").GetString());
        Assert.Equal("duplicate", again.GetProperty("disposition").GetString());
        Assert.Equal(Replies(first), Replies(again)); // the same answer, not "already subscribed"
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "no session", """{"id":"a","text":"hi"}""", HttpStatusCode.BadRequest, "session" },
        { "session with odd characters", """{"session":"../../etc/passwd","id":"a","text":"hi"}""", HttpStatusCode.BadRequest, "session" },
        { "no id", """{"session":"abcdefgh-1234","text":"hi"}""", HttpStatusCode.BadRequest, "id" },
        { "no text", """{"session":"abcdefgh-1234","id":"a"}""", HttpStatusCode.BadRequest, "text" },
        { "text too long", $$"""{"session":"abcdefgh-1234","id":"a","text":"{{new string('a', 2001)}}"}""", HttpStatusCode.BadRequest, "text" },
        { "malformed JSON", """{"session":""", HttpStatusCode.BadRequest, "" },
        { "body over the cap", $$"""{"session":"abcdefgh-1234","id":"a","text":"{{new string('a', 20_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_clear_error_and_creates_nothing(string name, string json, HttpStatusCode status, string field)
    {
        _ = name;
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync(new Uri("chat/api/messages", UriKind.Relative), body);

        Assert.Equal(status, response.StatusCode);
        if (field.Length > 0)
        {
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
        Assert.Null(await _host.Get<SubscriberStore>().FindAsync(Channel.WebChat, "abcdefgh-1234"));
    }

    [Fact]
    public async Task A_flood_from_one_address_is_slowed_down()
    {
        await using var host = await BotHost.StartAsync(redis, new Dictionary<string, string?> { ["WebChat:MessagesPerMinute"] = "3" });
        var session = NewSession();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await host.Client.PostAsJsonAsync(new Uri("chat/api/messages", UriKind.Relative), new { session, id = $"m{i}", text = "MENU" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
