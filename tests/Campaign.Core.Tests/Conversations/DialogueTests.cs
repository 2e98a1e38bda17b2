using Campaign.Core.Conversations;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Conversations;

/// <summary>
/// A table of dialogues: each step is "what the resident sends => what the bot answers", where the
/// answer is a system reply id or "faq:&lt;id&gt;". Every dialogue runs on SMS and on Zalo.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class DialogueTests(RedisServer redis)
{
    public static TheoryData<string, string[]> Dialogues() => new()
    {
        { "subscribe, opt out, opt back in", ["DK => subscribed", "HUY => opted_out", "huy => already_opted_out", "DK => opted_back_in", "dk => already_subscribed"] },
        { "opt out words without case or marks", ["đăng ký => subscribed", "Từ chối => opted_out", "START => opted_back_in", "  stop!! => opted_out", "bat dau => opted_back_in", "TC => opted_out"] },
        { "menu then a number", ["MENU => menu", "1 => faq:vneid", "0 => menu", "2 => faq:dich-vu-cong"] },
        { "a number with no menu shown picks from the main menu", ["DK => subscribed", "3 => faq:thanh-toan-so"] },
        { "unknown number", ["menu => menu", "42 => unknown_choice", "10 => unknown_choice"] },
        { "help", ["DK => subscribed", "tro giup => help", "HD => help"] },
        { "first message a greeting gets the welcome", ["xin chao => welcome"] },
        { "first message a question gets the answer", ["kich hoat vneid muc 2 o dau => faq:vneid"] },
        { "empty and emoji-only messages", ["DK => subscribed", " => empty_message", "😀👍 => empty_message", "... => empty_message"] },
        { "not sure, then pick a suggestion", ["DK => subscribed", "dien thoai => not_sure"] },
        { "nothing close at all", ["DK => subscribed", "qwzx plmk => no_match"] },
        { "subscribe to an area by code and by name", ["DK D0101 => subscribed", "dk xa binh minh => already_subscribed"] },
        { "unknown area code", ["DK 99999 => unknown_area"] },
        { "a name several areas share gets their codes, and a code settles it", ["DK tan an => ambiguous_area", "DK 30388 => subscribed"] },
        { "subscribe followed by a question is a question", ["dang ky tai khoan vneid muc 2 o dau => faq:vneid"] },
        { "cancel inside a question is not an opt-out", ["DK => subscribed", "huy ho so dich vu cong truc tuyen the nao => faq:dich-vu-cong"] },
        { "mixed scripts and emoji around a question", ["DK => subscribed", "🙏 cho em hỏi VNeID mức 2 làm ở đâu ạ?? 🙏 => faq:vneid"] },
    };

    [Theory]
    [MemberData(nameof(Dialogues))]
    public async Task Sms_dialogue(string name, string[] steps) => await Run(name, steps, Channel.Sms, "+84912" + Random.Shared.Next(100000, 999999));

    [Theory]
    [MemberData(nameof(Dialogues))]
    public async Task Zalo_dialogue(string name, string[] steps) => await Run(name, steps, Channel.Zalo, "zalo-" + Guid.NewGuid().ToString("N"));

    private async Task Run(string name, string[] steps, Channel channel, string address)
    {
        var harness = new EngineHarness(redis);
        foreach (var step in steps)
        {
            var parts = step.Split(" => ");
            var reply = await harness.SayAsync(channel, address, parts[0]);
            var opening = EngineHarness.Opening(parts[1], channel);
            Assert.True(reply.Text.StartsWith(opening, StringComparison.Ordinal),
                $"[{name}] '{parts[0]}' on {channel.Key()}: expected {parts[1]} (\"{opening}...\"), got \"{reply.Text}\"");
        }
    }
}
