using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>
/// The inbox over the officer API, with residents on the web chat: grouped and scoped questions, an
/// answer proposed by one officer and approved by another, and the bot answering it at once on
/// this instance, soon on a second one sharing the Redis prefix, and from start-up on a new one.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class InboxApiTests(RedisServer redis) : IAsyncLifetime
{
    private const string Market = "Chợ phiên của xã họp vào ngày nào trong tháng?";
    private const string MarketUnaccented = "cho phien cua xa hop vao ngay nao trong thang";
    private const string ChatAnswer = "Chợ phiên của xã họp vào ngày mùng 5 và 20 âm lịch hằng tháng, từ sáng sớm đến trưa, ở bãi đất trước nhà văn hóa xã.";

    private static readonly object Draft = new
    {
        question = "Chợ phiên của xã họp ngày nào?",
        chat = ChatAnswer,
        sms = "Chợ phiên của xã họp ngày mùng 5 và 20 âm lịch hằng tháng, từ sáng sớm đến trưa, trước nhà văn hóa xã.",
        phrasings = new[] { "chợ phiên họp ngày mấy", "cho phien hop ngay may", "phien cho xa ngay nao" },
    };

    private AdminApiHost _api = null!;

    public async Task InitializeAsync() => _api = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_answer_approved_by_someone_else_goes_live_on_every_instance_and_leaves_the_inbox()
    {
        await using var second = await BotHost.StartAsync(redis, new Dictionary<string, string?> { ["Redis:KeyPrefix"] = _api.Bot.KeyPrefix });
        var (officer, officerKey) = await _api.AddAsync(OfficerRole.Officer, "D0101");
        var (_, approverKey) = await _api.AddAsync(OfficerRole.Approver, "D01");
        var (_, otherCommuneKey) = await _api.AddAsync(OfficerRole.Officer, "D0102");

        var known = await ChatAsync(_api.Bot.Client, "DK D0101", Market);
        Assert.DoesNotContain("mùng 5", known, StringComparison.Ordinal);
        await ChatAsync(_api.Bot.Client, "xin chào", MarketUnaccented);   // area not known

        // Scope: the commune officer sees their resident's question; the province approver both; the other commune none.
        var mine = Assert.Single(await InboxAsync(officerKey));
        Assert.Equal(1, mine.GetProperty("count").GetInt32());
        var all = Assert.Single(await InboxAsync(approverKey));
        Assert.Equal(2, all.GetProperty("count").GetInt32());
        Assert.Equal(Market, all.GetProperty("question").GetString());
        Assert.Equal(2, all.GetProperty("channels").GetProperty("webchat").GetInt32());
        Assert.Equal(2, all.GetProperty("examples").GetArrayLength());
        Assert.Empty(await InboxAsync(otherCommuneKey));

        var groupId = all.GetProperty("id").GetString()!;
        var proposed = await _api.SendAsync(HttpMethod.Post, $"/api/admin/inbox/{groupId}/answer", officerKey, JsonSerializer.Serialize(Draft));
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var answer = await AdminApiHost.JsonAsync(proposed);
        Assert.Equal("proposed", answer.GetProperty("status").GetString());
        Assert.Equal("cho-phien-cua-xa-hop-ngay-nao", answer.GetProperty("faqId").GetString());
        var answerId = answer.GetProperty("id").GetString()!;
        Assert.Equal(answerId, Assert.Single(await InboxAsync(approverKey)).GetProperty("pendingAnswerId").GetString());
        var again = await _api.SendAsync(HttpMethod.Post, $"/api/admin/inbox/{groupId}/answer", officerKey, JsonSerializer.Serialize(Draft));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Four eyes: an officer may not approve at all, and the approver must give a reason to reject.
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/approve", officerKey, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/reject", approverKey, "{}")).StatusCode);
        Assert.DoesNotContain("mùng 5", await ChatAsync(_api.Bot.Client, "xin chào", Market), StringComparison.Ordinal);

        var approved = await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/approve", approverKey, """{"comment":"Đúng lịch chợ"}""");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await AdminApiHost.JsonAsync(approved)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/approve", approverKey, "{}")).StatusCode);

        // Live here at once, even typed without marks; the group left the inbox.
        Assert.StartsWith(ChatAnswer[..40], await ChatAsync(_api.Bot.Client, "xin chào", MarketUnaccented), StringComparison.Ordinal);
        Assert.Empty(await InboxAsync(approverKey));

        // The second instance follows the pub/sub notice; a new one loads the answers at start-up.
        await Eventually.GetAsync(
            () => ChatAsync(second.Client, "xin chào", MarketUnaccented),
            reply => reply.StartsWith(ChatAnswer[..40], StringComparison.Ordinal),
            reply => $"the second instance answered: {reply}");
        await using (var third = await BotHost.StartAsync(redis, new Dictionary<string, string?> { ["Redis:KeyPrefix"] = _api.Bot.KeyPrefix }))
        {
            Assert.StartsWith(ChatAnswer[..40], await ChatAsync(third.Client, "xin chào", Market), StringComparison.Ordinal);
        }

        var list = await AdminApiHost.JsonAsync(await _api.SendAsync(HttpMethod.Get, "/api/admin/answers?status=approved", officerKey));
        Assert.Equal(answerId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        var export = await _api.SendAsync(HttpMethod.Get, "/api/admin/answers/export", approverKey);
        Assert.Equal("application/yaml", export.Content.Headers.ContentType?.MediaType);
        var yaml = await export.Content.ReadAsStringAsync();
        Assert.Contains("# faq/cho-phien-cua-xa-hop-ngay-nao.yaml", yaml, StringComparison.Ordinal);
        Assert.Contains("id: cho-phien-cua-xa-hop-ngay-nao", yaml, StringComparison.Ordinal);

        var audit = await _api.Audit.QueryAsync(new AuditQuery(Target: "answer:" + answerId));
        Assert.Contains(audit, r => r.Entry.Action == "answers.approve" && r.Entry.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, r => r.Entry.Action == "answers.approve" && r.Entry.Outcome == AuditOutcome.Denied && r.Entry.ActorId == officer.Id);
        Assert.Contains(audit, r => r.Entry.Action == "answers.reject" && r.Entry.Outcome == AuditOutcome.Failed);
        Assert.Contains(await _api.Audit.QueryAsync(new AuditQuery(Target: "inbox:" + groupId)), r => r.Entry.Action == "inbox.answer" && r.Entry.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task The_proposer_cannot_review_their_own_answer_and_a_rejected_group_stays_in_the_inbox()
    {
        var (_, approverKey) = await _api.AddAsync(OfficerRole.Approver, "D01");
        var (_, adminKey) = await _api.AddAsync(OfficerRole.Admin, "*");
        await ChatAsync(_api.Bot.Client, "DK D0102", "Hội thi nấu ăn của phụ nữ xã tổ chức khi nào?");
        var group = Assert.Single(await InboxAsync(approverKey));
        var groupId = group.GetProperty("id").GetString()!;

        var missing = await _api.SendAsync(HttpMethod.Post, $"/api/admin/inbox/{groupId}/attach", approverKey, """{"faqId":"khong-co"}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var attached = await _api.SendAsync(HttpMethod.Post, $"/api/admin/inbox/{groupId}/attach", approverKey, """{"faqId":"lien-he-can-bo"}""");
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var answerId = (await AdminApiHost.JsonAsync(attached)).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/approve", approverKey, "{}")).StatusCode);
        var rejected = await _api.SendAsync(HttpMethod.Post, $"/api/admin/answers/{answerId}/reject", adminKey, """{"comment":"Hội phụ nữ xã trả lời câu này, không phải cán bộ văn hóa"}""");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await AdminApiHost.JsonAsync(rejected);
        Assert.Equal("rejected", body.GetProperty("status").GetString());
        Assert.Equal("Hội phụ nữ xã trả lời câu này, không phải cán bộ văn hóa", body.GetProperty("comment").GetString());

        var still = Assert.Single(await InboxAsync(approverKey));
        Assert.Equal(groupId, still.GetProperty("id").GetString());
        Assert.False(still.TryGetProperty("pendingAnswerId", out _));
        var list = await AdminApiHost.JsonAsync(await _api.SendAsync(HttpMethod.Get, "/api/admin/answers?status=rejected", adminKey));
        Assert.Equal(answerId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.SendAsync(HttpMethod.Get, "/api/admin/answers?status=maybe", adminKey)).StatusCode);
    }

    private async Task<JsonElement[]> InboxAsync(string key)
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/api/admin/inbox", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AdminApiHost.JsonAsync(response)).EnumerateArray().ToArray();
    }

    /// <summary>A new web chat session says each text in turn; returns the last reply.</summary>
    private static async Task<string> ChatAsync(HttpClient client, params string[] texts)
    {
        var session = Guid.NewGuid().ToString();
        var last = "";
        foreach (var text in texts)
        {
            var response = await client.PostAsJsonAsync(new Uri("chat/api/messages", UriKind.Relative), new { session, id = Guid.NewGuid().ToString("N"), text });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies").EnumerateArray().First().GetString()!;
        }
        return last;
    }
}
