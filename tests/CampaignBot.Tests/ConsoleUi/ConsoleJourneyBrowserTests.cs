using System.Globalization;
using System.Net;
using Campaign.Core.Campaigns;
using Campaign.Core.Officers;
using Campaign.TestSupport;
using CampaignBot.Tests.Console;
using OpenQA.Selenium;

namespace CampaignBot.Tests.ConsoleUi;

/// <summary>
/// The officer console's main journeys in headless Chromium at phone width, against CampaignBot
/// in-process (and SmsGateway as a process for the delivery journey): sign in, write with live
/// previews, four-eyes approval, watch an occurrence complete, answer a resident, import a CSV,
/// and be refused another area's campaign. A failing step leaves a screenshot (see <see cref="ConsoleSession.RunAsync"/>).
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class ConsoleJourneyBrowserTests(RedisServer redis)
{
    private static readonly Dictionary<string, string?> NoQuietHours = new()
    {
        ["Fanout:QuietHoursStart"] = "00:00",
        ["Fanout:QuietHoursEnd"] = "00:00",
        ["Fanout:SupervisorInterval"] = "00:00:01",
        ["Fanout:PollInterval"] = "00:00:00.050",
    };

    private const string ShortSms = "Xa hop dan toi thu Sau tai nha van hoa.";

    [Fact]
    public async Task An_officer_writes_a_campaign_sees_SMS_segments_grow_submits_and_only_someone_else_can_approve_it()
    {
        await using var host = await AdminApiHost.StartAsync(redis);
        using var session = new ConsoleSession(host);
        var author = await session.AddOfficerAsync(OfficerRole.Approver, "D01", "Chị Hoa");
        var colleague = await session.AddOfficerAsync(OfficerRole.Approver, "D01", "Anh Nam");

        await session.RunAsync(async () =>
        {
            await session.SignInAsync(author);
            session.Open("console/campaigns/new");
            (await session.WaitAsync("input[name=area][value=D0101]", "the area picker")).Click();
            session.Find("input[name=channel][value=sms]").Click();
            session.Find("#title").SendKeys("Họp dân về chuyển đổi số");
            session.Find("#chat").SendKeys("Tối thứ Sáu, xã họp dân tại nhà văn hóa.");
            session.Find("#sms").SendKeys(ShortSms);
            await session.AttributeAsync("#sms-segments", "data-segments", s => s == "1", "a short SMS is one segment");
            Assert.Contains("người nhận", await session.TextAsync("#estimate", t => t.Contains("Dự kiến", StringComparison.Ordinal), "the audience estimate"), StringComparison.Ordinal);

            session.Find("#sms").SendKeys(" Ba con mang theo can cuoc cong dan va dien thoai de duoc huong dan cai dat ung dung dinh danh dien tu. Lien he can bo xa de biet them chi tiet.");
            await session.AttributeAsync("#sms-segments", "data-segments", s => s == "2", "a longer SMS takes two segments");

            session.SetValue("#at", "2030-01-07T08:00");
            await session.TextAsync("#schedule-preview", t => t.Contains("2030", StringComparison.Ordinal), "the next fire in words");
            await session.ClickAsync("#save", "the save button");
            var id = await Eventually.GetAsync(() => new Uri(session.Driver.Url).AbsolutePath, p => p.StartsWith("/console/campaigns/", StringComparison.Ordinal) && !p.EndsWith("/new", StringComparison.Ordinal), p => $"the saved campaign's page; at {p}");
            id = id["/console/campaigns/".Length..];

            await session.ClickAsync("#lifecycle button[data-action=submit]", "the submit button");
            await session.AttributeAsync("#campaign-status", "data-status", s => s == "submitted", "submitted for review");

            // The author is an approver too, but not of their own campaign: the API refuses and the page says why.
            session.Open("console/approvals");
            await session.ClickAsync($"article[data-campaign='{id}'] button.approve", "the campaign in the queue");
            await session.TextAsync($"article[data-campaign='{id}'] [role=alert]", t => t.Contains("tự duyệt", StringComparison.Ordinal), "the refusal to approve one's own campaign");

            await session.SignInAsync(colleague);
            session.Open("console/approvals");
            await session.ClickAsync($"article[data-campaign='{id}'] button.approve", "the campaign in the colleague's queue");
            await session.TextAsync("#notice", t => t.Contains("Đã duyệt", StringComparison.Ordinal), "approved");
            var stored = await host.Bot.Get<CampaignStore>().GetAsync(id);
            Assert.Contains(stored!.Status, new[] { CampaignStatus.Approved, CampaignStatus.Scheduled });
        });
    }

    [Fact]
    public async Task An_officer_watches_an_occurrence_complete_on_the_SMS_simulator()
    {
        var settings = new Dictionary<string, string?>(NoQuietHours) { ["Scheduler:Enabled"] = "true" };
        await using var host = await AdminApiHost.StartAsync(redis, settings);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = host.Bot.KeyPrefix,
            ["Sms__Provider"] = "simulator",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in NoQuietHours)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        await using var gateway = await ServiceProcess.StartAsync("SmsGateway", environment);
        using var session = new ConsoleSession(host);
        var watcher = await session.AddOfficerAsync(OfficerRole.Officer, "D01", "Cán bộ theo dõi");
        var (_, authorKey) = await host.AddAsync(OfficerRole.Officer, "D01", "Người soạn");
        var (_, approverKey) = await host.AddAsync(OfficerRole.Approver, "D01", "Người duyệt");

        using (var imported = await host.SendCsvAsync("api/admin/subscribers/import", authorKey, "phone,area\n0913000001,D0101\n0913000002,D0101\n0913000003,D0102\n"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        var at = CampaignSchedule.ToLocal(DateTimeOffset.UtcNow.AddSeconds(6)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        using var created = await host.SendAsync(HttpMethod.Post, "api/admin/campaigns", authorKey, $$"""
            {
              "title": "Nhắc lịch tiêm chủng",
              "audience": { "areaCodes": ["D01"], "channels": ["sms"], "topics": [] },
              "message": { "vi": { "chat": "", "sms": "Xa nhac lich tiem chung sang thu Bay tai tram y te." } },
              "schedule": { "kind": "oneOff", "at": "{{at}}" }
            }
            """);
        var id = (await AdminApiHost.JsonAsync(created)).GetProperty("id").GetString()!;
        (await host.SendAsync(HttpMethod.Post, $"api/admin/campaigns/{id}/submit", authorKey)).Dispose();
        using (var approved = await host.SendAsync(HttpMethod.Post, $"api/admin/campaigns/{id}/approve", approverKey))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await session.RunAsync(async () =>
        {
            await session.SignInAsync(watcher);
            session.Open($"console/campaigns/{id}");
            var link = await Eventually.GetAsync(
                () => Task.FromResult(session.Driver.FindElements(By.CssSelector("a.occurrence-link")).FirstOrDefault()),
                l => l is not null, _ => "the occurrence listed on the campaign page", TimeSpan.FromSeconds(60));
            link!.Click();
            await session.AttributeAsync("#occurrence-status", "data-status", s => s == "completed", "the occurrence completes, seen live", TimeSpan.FromSeconds(60));
            Assert.Equal("3", await session.TextAsync("[data-counter=sent]", t => t == "3", "three sent"));
            Assert.Equal("3", session.Find("[data-counter=targeted]").Text);
            Assert.Equal("3", session.Find("svg.funnel rect[data-kind=sent]").GetAttribute("data-value"));
            Assert.EndsWith("format=csv", session.Find("#export a").GetAttribute("href"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_CSV_import_shows_its_progress_and_the_bad_line()
    {
        await using var host = await AdminApiHost.StartAsync(redis);
        using var session = new ConsoleSession(host);
        var officer = await session.AddOfficerAsync(OfficerRole.Officer, "D01", "Cán bộ xã");
        var file = Path.Combine(Path.GetTempPath(), $"nguoi-nhan-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "phone,area,name\n0914000001,D0101,Chị Lan\nkhong-phai-so,D0101,\n0914000002,D0102,\n");
        try
        {
            await session.RunAsync(async () =>
            {
                await session.SignInAsync(officer);
                session.Open("console/subscribers");
                (await session.WaitAsync("#import-file", "the file picker")).SendKeys(file);
                await session.ClickAsync("#import button[type=submit]", "the import button");
                var summary = await session.TextAsync("#import-summary", t => t.Length > 0, "the import report");
                Assert.Contains("thêm mới 2", summary, StringComparison.Ordinal);
                Assert.Contains("lỗi 1", summary, StringComparison.Ordinal);
                var cells = session.Driver.FindElements(By.CssSelector("#import-report tbody td")).Select(c => c.Text).ToArray();
                Assert.Equal("3", cells[0]);   // the header is line 1
                Assert.Equal("100", session.Find("#import-progress").GetAttribute("value"));

                session.Find("#phone").SendKeys("0914000001");
                session.Find("#search button[type=submit]").Click();
                var found = await session.TextAsync("#results tbody", t => t.Length > 0, "the imported resident, found by phone");
                Assert.DoesNotContain("0914000001", found, StringComparison.Ordinal);   // masked
                Assert.Contains("Đang nhận tin", found, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_officer_of_another_area_is_refused_the_campaign()
    {
        await using var host = await AdminApiHost.StartAsync(redis);
        using var session = new ConsoleSession(host);
        var (_, authorKey) = await host.AddAsync(OfficerRole.Officer, "D01", "Cán bộ D01");
        using var created = await host.SendAsync(HttpMethod.Post, "api/admin/campaigns", authorKey, CampaignBodies.Recurring());
        var id = (await AdminApiHost.JsonAsync(created)).GetProperty("id").GetString()!;
        var outsider = await session.AddOfficerAsync(OfficerRole.Approver, "08", "Cán bộ tỉnh khác");

        await session.RunAsync(async () =>
        {
            await session.SignInAsync(outsider);
            session.Open($"console/campaigns/{id}");
            await session.TextAsync("#notice", t => t.Contains("Không tìm thấy", StringComparison.Ordinal), "the refusal");
            Assert.False(session.Find("#editor").Displayed);
            Assert.DoesNotContain("Hướng dẫn dịch vụ công", session.Driver.PageSource, StringComparison.Ordinal);
        });
        var refusals = await host.Audit.QueryAsync(new AuditQuery(Target: "campaign:" + id));
        Assert.Contains(refusals, r => r.Entry.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task An_answer_to_an_unanswered_question_is_approved_and_the_bot_uses_it()
    {
        await using var host = await AdminApiHost.StartAsync(redis);
        using var session = new ConsoleSession(host);
        // Province officers: the web chat resident has no area, so only a province's (or everyone's) officers see the question.
        var officer = await session.AddOfficerAsync(OfficerRole.Officer, "D01", "Cán bộ trả lời");
        var approver = await session.AddOfficerAsync(OfficerRole.Approver, "D01", "Người duyệt");
        const string question = "Khi nào thôn mình được lắp đèn đường năng lượng mặt trời?";
        const string answer = "Đèn đường năng lượng mặt trời được lắp xong trước ngày 30 tháng 6.";

        await session.RunAsync(async () =>
        {
            session.Open("chat");
            await session.Browser.TextsAsync(".msg.bot", t => t.Count >= 1, "the welcome");
            session.Find("#text").SendKeys(question + Keys.Enter);
            await session.Browser.TextsAsync(".msg.bot", t => t.Count >= 2, "the bot's unsure reply");

            await session.SignInAsync(officer);
            session.Open("console/inbox");
            var group = await Eventually.GetAsync(
                () => session.Driver.FindElements(By.CssSelector("article[data-group]")).FirstOrDefault(g => g.Text.Contains("đèn đường", StringComparison.OrdinalIgnoreCase)),
                g => g is not null, _ => "the question in the inbox");
            group!.FindElement(By.CssSelector("details summary")).Click();
            group.FindElement(By.CssSelector("textarea[id$='-chat']")).SendKeys(answer);
            group.FindElement(By.CssSelector("textarea[id$='-sms']")).SendKeys("Den duong nang luong mat troi duoc lap xong truoc ngay 30/6.");
            // A one-question group has too few wordings for a content entry: the officer adds some.
            group.FindElement(By.CssSelector("textarea[id$='-phrasings']")).SendKeys(
                "bao giờ thôn có đèn đường năng lượng mặt trời\nlắp đèn đường năng lượng mặt trời ở thôn khi nào\nthôn mình khi nào có đèn đường\nđèn đường năng lượng mặt trời lắp chưa");
            group.FindElement(By.CssSelector(".answer-form button[type=submit]")).Click();
            await session.TextAsync("#notice", t => t.Contains("để duyệt", StringComparison.Ordinal), "the answer proposed");

            await session.SignInAsync(approver);
            session.Open("console/approvals");
            await session.ClickAsync("article[data-answer] button.approve-answer", "the proposed answer");
            await session.TextAsync("#notice", t => t.Contains("bot dùng ngay", StringComparison.Ordinal), "the answer approved");

            session.Open("chat");
            // The same web chat session: no new welcome, so wait for the answer itself.
            session.Find("#text").SendKeys(question + Keys.Enter);
            var replies = await session.Browser.TextsAsync(".msg.bot", t => t.Count >= 1 && t[^1].Contains("30 tháng 6", StringComparison.Ordinal), "the bot's new answer");
            Assert.Contains("30 tháng 6", replies[^1], StringComparison.Ordinal);
        });
    }
}
