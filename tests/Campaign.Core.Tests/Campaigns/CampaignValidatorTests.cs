using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Text;
using static Campaign.Core.Tests.Campaigns.CampaignSamples;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>Every validation rule, with the exact message an officer reads, and valid campaigns that must pass.</summary>
public sealed class CampaignValidatorTests
{
    /// <summary>One row: a change to the valid sample, the author's scope ("*" = everywhere), and the problems expected ("field: start of message").</summary>
    public sealed record Rule(string Name, Func<CampaignDefinition, CampaignDefinition> Change, string[] Expected, string Scope = "D0101", SmsDiacritics Diacritics = SmsDiacritics.Strip)
    {
        public override string ToString() => Name;
    }

    // "Bà con lưu ý lịch tiếp dân của xã." is 34 characters: 14 of them make 4 segments once unaccented (> 459 GSM-7 characters), 13 make 3.
    private const string Sentence = "Bà con lưu ý lịch tiếp dân của xã.";
    private static string Sentences(int count) => string.Join(" ", Enumerable.Repeat(Sentence, count));

    private static CampaignDefinition Sms(CampaignDefinition d, string sms) => d with { Message = new Dictionary<string, MessageText> { ["vi"] = d.Message!["vi"] with { Sms = sms } } };
    private static CampaignDefinition Chat(CampaignDefinition d, string chat) => d with { Message = new Dictionary<string, MessageText> { ["vi"] = d.Message!["vi"] with { Chat = chat } } };
    private static CampaignDefinition Areas(CampaignDefinition d, params string[] codes) => d with { Audience = d.Audience with { AreaCodes = codes } };
    private static CampaignDefinition Channels(CampaignDefinition d, params Channel[] channels) => d with { Audience = d.Audience with { Channels = channels } };
    private static CampaignDefinition Recurring(CampaignDefinition d, string cron, DateOnly start, DateOnly? end = null) => d with { Schedule = new RecurringSchedule(cron, start, end) };

    public static TheoryData<Rule> Cases => new()
    {
        // valid
        new("the sample one-off", d => d, []),
        new("weekly on Monday 08:00 until the end of June", d => Recurring(d, "0 0 8 ? * MON", new(2026, 3, 2), new(2026, 6, 29)), []),
        new("a recurring campaign that started earlier and still has fires ahead", d => Recurring(d, "0 0 8 ? * MON", new(2026, 1, 1)), []),
        new("a drip series at 09:00 with no message", d => d with { Message = null, Schedule = new DripSchedule(Series, 9) }, []),
        new("SMS only needs no chat text", d => Chat(Channels(d, Channel.Sms), ""), []),
        new("chat only needs no SMS text", d => Sms(Channels(d, Channel.Zalo, Channel.Messenger, Channel.BotFramework), ""), []),
        new("no topics reaches everyone", d => d with { Audience = d.Audience with { Topics = [] } }, []),
        new("a hamlet inside the officer's commune", d => Areas(d, "D010101"), []),
        new("a province officer targets two of its communes", d => Areas(d, "D0101", "D0102"), [], Scope: "D01"),
        new("an admin targets any area", d => Areas(d, "D0102"), [], Scope: "*"),
        new("exactly 3 segments once unaccented", d => Sms(d, Sentences(13)), []),
        new("auto keeps the marks when that is no longer", d => Sms(d, "Mời bà con họp thôn tối nay."), [], Diacritics: SmsDiacritics.Auto),

        // title
        new("an empty title", d => d with { Title = "  " }, ["title: empty"]),
        new("a title of 121 characters", d => d with { Title = new string('a', 121) }, ["title: 121 characters; the limit is 120"]),

        // audience
        new("no area", d => Areas(d), ["audience.areaCodes: empty; add at least one area code"]),
        new("an unknown area", d => Areas(d, "D0101", "X9"), ["audience.areaCodes[1]: 'X9' is not a known area code (content/areas.yaml)"]),
        new("an area outside the officer's", d => Areas(d, "D0101", "D0102"), ["audience.areaCodes[1]: 'D0102' is outside your areas (D0101)"]),
        new("the province above the officer's commune", d => Areas(d, "D01"), ["audience.areaCodes[0]: 'D01' is outside your areas (D0101)"]),
        new("an area twice", d => Areas(d, "D0101", "d0101"), ["audience.areaCodes[1]: 'd0101' is listed twice"]),
        new("no channel", d => Channels(d), ["audience.channels: empty; pick one or more of sms, zalo, messenger, botframework"]),
        new("web chat cannot receive pushes", d => Channels(d, Channel.Zalo, Channel.WebChat), ["audience.channels[1]: 'webchat' cannot receive campaigns"]),
        new("a channel twice", d => Channels(d, Channel.Zalo, Channel.Sms, Channel.Zalo), ["audience.channels[2]: 'zalo' is listed twice"]),
        new("an unknown topic", d => d with { Audience = d.Audience with { Topics = ["chinh-quyen", "thoi-tiet"] } }, ["audience.topics[1]: 'thoi-tiet' is not a theme id; use one of nong-thon-moi, chinh-quyen,"]),
        new("an unsupported language", d => d with { Audience = d.Audience with { Language = "en" } },
            ["audience.language: 'en' is not supported; use 'vi'", "message: no texts in 'en', the audience's language"]),

        // message
        new("a one-off without a message", d => d with { Message = null }, ["message: missing; write the texts in 'vi' (chat and SMS)"]),
        new("a drip with a message", d => d with { Schedule = new DripSchedule(Series, 9) }, ["message: a drip campaign sends the steps of its series ('ba-tru-cot'); leave the message out"]),
        new("no chat text for Zalo", d => Chat(d, ""), ["message.vi.chat: empty; the audience includes a chat channel"]),
        new("no SMS text for SMS", d => Sms(d, " "), ["message.vi.sms: empty; the audience includes SMS"]),
        new("a chat text of 2001 characters", d => Chat(d, new string('a', 2001)), ["message.vi.chat: 2001 characters; the limit is 2000"]),
        new("a chat text over the limit once a placeholder is filled", d => Chat(d, new string('a', 1950) + " {commune_hotline}"),
            ["message.vi.chat: 2041 characters with placeholders at their longest; the limit is 2000"]),
        new("an SMS of 4 segments once unaccented", d => Sms(d, Sentences(14)), ["message.vi.sms: 4 segments once unaccented; the limit is Sms:MaxSegments = 3"]),
        new("an SMS of 3 segments that a placeholder pushes to 4", d => Sms(d, Sentences(12) + " Goi {commune_hotline}."),
            ["message.vi.sms: 4 segments once unaccented with placeholders at their longest; the limit is Sms:MaxSegments = 3"]),
        new("an SMS kept with marks is UCS-2", d => Sms(d, Sentences(6)), ["message.vi.sms: 4 segments as written (Sms:Diacritics = keep) (UCS-2, 70 characters a segment, because of 'ư' U+01B0); the limit is Sms:MaxSegments = 3"],
            Diacritics: SmsDiacritics.Keep),
        new("an emoji keeps an SMS in UCS-2 even unaccented", d => Sms(d, "📢 " + Sentences(6)), ["message.vi.sms: 4 segments once unaccented (UCS-2, 70 characters a segment, because of '📢' U+1F4E2); the limit is Sms:MaxSegments = 3"]),
        new("an unknown placeholder", d => Chat(d, "Gọi {hotline} để được hỗ trợ."),
            ["message.vi.chat: unknown placeholder {hotline}; known: {commune_hotline}, {commune_name}, {commune_office} (content/placeholders.yaml)"]),
        new("a runtime placeholder is not for campaigns", d => Sms(d, "Chao ba con {area}"), ["message.vi.sms: unknown placeholder {area}"]),
        new("a language residents cannot read", d => d with { Message = new Dictionary<string, MessageText>(d.Message!) { ["fr"] = new("Bonjour", "Bonjour") } },
            ["message.fr: 'fr' is not a supported language; use 'vi'"]),

        // schedule
        new("no schedule", d => d with { Schedule = null! }, ["schedule: missing; choose oneOff, recurring or drip"]),
        new("a one-off with no time", d => d with { Schedule = new OneOffSchedule(default) }, ["schedule.at: missing"]),
        new("a one-off in the past", d => d with { Schedule = new OneOffSchedule(new DateTime(2026, 3, 2, 9, 0, 0)) },
            ["schedule.at: 2026-03-02 09:00 is in the past (it is now 2026-03-02 09:15 in Asia/Ho_Chi_Minh)"]),
        new("a one-off at this very minute", d => d with { Schedule = new OneOffSchedule(new DateTime(2026, 3, 2, 9, 15, 0)) }, ["schedule.at: 2026-03-02 09:15 is in the past"]),
        new("a cron that is not one", d => Recurring(d, "x y z", new(2026, 3, 2)),
            ["schedule.cron: 'x y z' is not a valid Quartz cron expression: 3 fields; Quartz needs 6 or 7: seconds minutes hours day-of-month month day-of-week [year]"]),
        new("a Unix cron", d => Recurring(d, "0 8 * * 1", new(2026, 3, 2)), ["schedule.cron: '0 8 * * 1' is not a valid Quartz cron expression: 5 fields (a Unix cron?); Quartz needs 6 or 7"]),
        new("a cron with words where numbers go", d => Recurring(d, "a b c d e f", new(2026, 3, 2)),
            ["schedule.cron: 'a b c d e f' is not a valid Quartz cron expression: a field is not something Quartz can read; each is a number"]),
        new("a cron at hour 25", d => Recurring(d, "0 0 25 * * ?", new(2026, 3, 2)), ["schedule.cron: '0 0 25 * * ?' is not a valid Quartz cron expression: Hour values must be between 0 and 23"]),
        new("a cron with both day fields", d => Recurring(d, "0 0 8 * * MON", new(2026, 3, 2)),
            ["schedule.cron: '0 0 8 * * MON' is not a valid Quartz cron expression: Support for specifying both a day-of-week AND a day-of-month parameter is not implemented"]),
        new("an empty cron", d => Recurring(d, "", new(2026, 3, 2)), ["schedule.cron: empty; give a Quartz cron expression such as '0 0 8 ? * MON'"]),
        new("an end before the start", d => Recurring(d, "0 0 8 ? * MON", new(2026, 2, 1), new(2026, 1, 1)), ["schedule.end: 2026-01-01 is before schedule.start 2026-02-01"]),
        new("an end that has passed", d => Recurring(d, "0 0 8 ? * MON", new(2026, 1, 1), new(2026, 2, 1)), ["schedule.end: 2026-02-01 has passed (today is 2026-03-02 in Asia/Ho_Chi_Minh)"]),
        new("no start", d => Recurring(d, "0 0 8 ? * MON", default), ["schedule.start: missing"]),
        new("a cron that never fires between start and end", d => Recurring(d, "0 0 8 ? * MON", new(2026, 3, 3), new(2026, 3, 4)),
            ["schedule.cron: '0 0 8 ? * MON' never fires between 2026-03-03 and 2026-03-04"]),
        new("a cron whose year has passed", d => Recurring(d, "0 0 8 * * ? 2025", new(2026, 3, 2)), ["schedule.cron: '0 0 8 * * ? 2025' never fires after 2026-03-02"]),
        new("a cron every minute", d => Recurring(d, "0 * * * * ?", new(2026, 3, 2)),
            ["schedule.cron: '0 * * * * ?' fires 2026-03-02 09:16 and again 2026-03-02 09:17, 1 minute apart; a campaign may fire at most once every 1 hour"]),
        new("a cron every 30 minutes in the morning", d => Recurring(d, "0 0/30 8 ? * MON-FRI", new(2026, 3, 2)), ["schedule.cron: '0 0/30 8 ? * MON-FRI' fires 2026-03-03 08:00 and again 2026-03-03 08:30, 30 minutes apart"]),
        new("a drip series that does not exist", d => d with { Message = null, Schedule = new DripSchedule("khong-co", 9) }, ["schedule.seriesId: 'khong-co' is not a series in content/"]),
        new("a drip with no series", d => d with { Message = null, Schedule = new DripSchedule("", 9) }, ["schedule.seriesId: empty"]),
        new("a drip at hour 24", d => d with { Message = null, Schedule = new DripSchedule(Series, 24) }, ["schedule.localHour: 24 is not an hour of the day; use 0 to 23 (Asia/Ho_Chi_Minh)"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_names_the_field_and_the_fix(Rule test)
    {
        var problems = Validator(test.Diacritics).Validate(test.Change(Definition()), Scope(test.Scope)).Select(p => p.ToString()).ToArray();

        Assert.True(test.Expected.Length == problems.Length, $"expected {test.Expected.Length} problem(s), got:\n{string.Join("\n", problems)}");
        foreach (var expected in test.Expected)
        {
            Assert.True(problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)), $"no problem starts with \"{expected}\"; got:\n{string.Join("\n", problems)}");
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var broken = new CampaignDefinition(
            "",
            new Audience(["D0102", "X"], [Channel.WebChat], ["?"], "vi"),
            new Dictionary<string, MessageText> { ["vi"] = new("{x}", Sentences(20)) },
            new RecurringSchedule("nope", new(2026, 2, 1), new(2026, 1, 1)));

        var fields = Validator().Validate(broken, AreaScope.Of("D0101")).Select(p => p.Field).ToArray();

        Assert.Equal(
            ["title", "audience.areaCodes[0]", "audience.areaCodes[1]", "audience.channels[0]", "audience.topics[0]", "message.vi.chat", "message.vi.sms", "schedule.cron", "schedule.end"],
            fields);
    }

    [Fact]
    public void A_stored_campaign_is_checked_like_its_definition()
    {
        var campaign = Draft() with { Title = "" };
        Assert.Equal("title", Assert.Single(Validator().Validate(campaign, AreaScope.Of("D0101"))).Field);
    }

    [Fact]
    public void An_audience_alone_is_checked_with_the_same_rules_and_field_names()
    {
        var problems = Validator().ValidateAudience(new Audience(["D0102", "X"], [Channel.WebChat], ["?"], "vi"), AreaScope.Of("D0101")).Select(p => p.Field).ToArray();

        Assert.Equal(["audience.areaCodes[0]", "audience.areaCodes[1]", "audience.channels[0]", "audience.topics[0]"], problems);
        Assert.Empty(Validator().ValidateAudience(new Audience(["D010101"], [Channel.Sms], []), AreaScope.Of("D0101")));
        Assert.Equal("audience", Assert.Single(Validator().ValidateAudience(null, AreaScope.Of("D0101"))).Field);
    }

    private static CampaignValidator Validator(SmsDiacritics diacritics = SmsDiacritics.Strip) =>
        new(Catalog, new SmsOptions { Diacritics = diacritics, MaxSegments = 3 }, Clock());

    private static AreaScope Scope(string codes) => codes == "*" ? AreaScope.Everywhere : AreaScope.Of(codes.Split(','));
}
