using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaign.Core.Delivery;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// The Send API body for one reply: <c>{"recipient":{"id"},"messaging_type":"RESPONSE","message":{"text","quick_replies"}}</c>,
/// the reply's choices as text quick replies (the payload is the choice's value, which comes back as
/// <c>quick_reply.payload</c>). Messenger's limits are applied here: text at most 2000 characters,
/// at most 13 quick replies, titles at most 20 characters.
/// </summary>
public static class SendApiMessage
{
    public const int MaxTextLength = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxTitleLength = 20;
    public const int MaxPayloadLength = 1000;

    /// <summary>
    /// Every send is a reply inside the standard window: <see cref="OutgoingMessage"/> carries no kind, and
    /// campaign pushes outside the window are skipped before they get here. A later proactive push would
    /// need UPDATE (or a MESSAGE_TAG) instead.
    /// </summary>
    public const string MessagingType = "RESPONSE";

    private const char Ellipsis = '…';

    public static byte[] Build(OutgoingMessage message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", message.Address);
            json.WriteEndObject();
            json.WriteString("messaging_type", MessagingType);
            json.WriteStartObject("message");
            json.WriteString("text", Shorten(message.Text.Normalize(NormalizationForm.FormC), MaxTextLength));
            var choices = (message.Choices ?? [])
                .Where(c => c.Value.Length is > 0 and <= MaxPayloadLength)
                .Take(MaxQuickReplies) // the text numbers every option, so one beyond 13 can still be typed
                .ToArray();
            if (choices.Length > 0)
            {
                json.WriteStartArray("quick_replies");
                foreach (var choice in choices)
                {
                    json.WriteStartObject();
                    json.WriteString("content_type", "text");
                    json.WriteString("title", Shorten(Title(choice.Label, choice.Value), MaxTitleLength));
                    json.WriteString("payload", choice.Value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// At most <paramref name="max"/> UTF-16 units (never more characters than Meta counts): cut at the
    /// last word break that keeps most of it, with an ellipsis, never inside a letter and its marks.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }
        var room = max - 1; // for the ellipsis
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= room)
        {
            cut = elements.ElementIndex + elements.GetTextElement().Length;
        }
        var space = text.LastIndexOfAny([' ', '\n', '\t'], Math.Max(cut - 1, 0));
        if (space > room / 2)
        {
            cut = space;
        }
        return text[..cut].TrimEnd(' ', '\n', '\t', ',', '.', ';', ':', '-') + Ellipsis;
    }

    // A quick reply needs a title; a choice without a label shows its value.
    private static string Title(string label, string value)
    {
        var title = label.Normalize(NormalizationForm.FormC).ReplaceLineEndings(" ").Trim();
        return title.Length > 0 ? title : value;
    }
}
