using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Conversations;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The body of a consultation (CS) message: <c>{"recipient":{"user_id"},"message":{"text"}}</c>. A
/// reply's choices become buttons under the text, each of type <c>oa.query.show</c>: tapping one
/// sends its payload (the choice's value, "1", "2" ...) back as the resident's own text message, so
/// the engine reads it exactly as if it had been typed. The text already lists the choices numbered,
/// so a message without buttons loses nothing.
/// </summary>
public static class ZaloConsultationMessage
{
    /// <summary>Zalo's limits for a text message and its buttons.</summary>
    public const int MaxTextLength = 2000;
    public const int MaxButtons = 5;
    public const int MaxButtonTitleLength = 100;
    public const int MaxButtonPayloadLength = 1000;

    // Vietnamese stays readable on the wire; the body is JSON for an API, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether these choices can be buttons: all of them or none, so the buttons never offer only part of a numbered list.</summary>
    public static bool FitsButtons(IReadOnlyList<ReplyChoice>? choices) =>
        choices is { Count: > 0 and <= MaxButtons }
        && choices.All(c => c.Label.Trim().Length > 0 && c.Value.Length is > 0 and <= MaxButtonPayloadLength);

    public static string Body(string userId, string text, IReadOnlyList<ReplyChoice>? buttons)
    {
        var message = new JsonObject { ["text"] = text };
        if (buttons is { Count: > 0 })
        {
            var list = new JsonArray();
            foreach (var choice in buttons)
            {
                list.Add(new JsonObject
                {
                    ["title"] = Title(choice),
                    ["type"] = "oa.query.show",
                    ["payload"] = choice.Value,
                });
            }
            message["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["buttons"] = list },
            };
        }
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["user_id"] = userId },
            ["message"] = message,
        };
        return body.ToJsonString(Json);
    }

    /// <summary>"1. Đăng ký VNeID": the number matches the list in the text; cut to Zalo's title limit.</summary>
    private static string Title(ReplyChoice choice)
    {
        var title = $"{choice.Value}. {choice.Label.Trim()}";
        if (title.Length <= MaxButtonTitleLength)
        {
            return title;
        }
        var cut = MaxButtonTitleLength - 1;
        if (char.IsHighSurrogate(title[cut - 1]))
        {
            cut--;
        }
        return title[..cut] + "…";
    }
}
