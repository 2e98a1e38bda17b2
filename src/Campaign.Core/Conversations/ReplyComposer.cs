using System.Text;
using Campaign.Core.Content;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;

namespace Campaign.Core.Conversations;

/// <summary>
/// Turns content (system replies, FAQ answers, numbered lists) into the text one channel sends:
/// the chat or SMS variant, placeholders filled from the resident's area (or the content default),
/// and SMS put through the <see cref="SmsRenderer"/> (marks policy, segment limit).
/// </summary>
public sealed class ReplyComposer(SmsRenderer renderer)
{
    public Reply Compose(CampaignContent content, string replyId, Channel channel, Subscriber? subscriber, IReadOnlyDictionary<string, string>? values = null, IReadOnlyList<ReplyChoice>? choices = null)
    {
        var reply = content.Reply(replyId);
        var template = channel.IsSms() ? reply.Sms : reply.Chat;
        return new Reply(Finish(Fill(content, template, subscriber, values), channel), choices ?? []);
    }

    /// <summary>An FAQ answer, with the footer (chat) and the related topics offered as numbered choices.</summary>
    public Reply Answer(CampaignContent content, FaqEntry entry, Channel channel, Subscriber? subscriber, IReadOnlyList<FaqEntry> related)
    {
        var sms = channel.IsSms();
        var answer = Fill(content, sms ? entry.SmsAnswer : entry.ChatAnswer, subscriber, null);
        var footer = related.Count > 0
            ? Fill(content, Template(content, ReplyId.SuggestionsFooter, sms), subscriber, new Dictionary<string, string> { ["related"] = NumberedList(related, sms) })
            : Fill(content, Template(content, ReplyId.AnswerFooter, sms), subscriber, null);
        var withFooter = Finish(answer + "\n\n" + footer, channel);
        // An SMS keeps its footer only while the whole reply fits the segment limit without being cut.
        if (!sms || !renderer.Render(withFooter).Shortened)
        {
            return new Reply(withFooter, Choices(related));
        }
        return new Reply(Finish(answer, channel), []);
    }

    /// <summary>"1. Title" lines; SMS shows the titles unaccented.</summary>
    public static string NumberedList(IReadOnlyList<FaqEntry> entries, bool sms)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }
            sb.Append(i + 1).Append(". ").Append(sms ? Diacritics.Fold(entries[i].Title) : entries[i].Title);
        }
        return sb.ToString();
    }

    public static IReadOnlyList<ReplyChoice> Choices(IReadOnlyList<FaqEntry> entries) =>
        entries.Select((e, i) => new ReplyChoice(e.Title, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    private static TextTemplate Template(CampaignContent content, string replyId, bool sms)
    {
        var reply = content.Reply(replyId);
        return sms ? reply.Sms : reply.Chat;
    }

    private static string Fill(CampaignContent content, TextTemplate template, Subscriber? subscriber, IReadOnlyDictionary<string, string>? values) =>
        AreaPlaceholders.Fill(content, template, subscriber?.AreaCode, values);

    // Trimmed: an empty placeholder at the end ("... đã đăng ký {area}") must not leave a trailing space.
    private string Finish(string text, Channel channel) => channel.IsSms() ? renderer.Render(text).Text : text.Trim();
}
