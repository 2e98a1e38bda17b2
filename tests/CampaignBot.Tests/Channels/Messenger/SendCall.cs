using System.Text.Json;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>One Send API call the stub received, read back from its JSON body.</summary>
internal sealed record SendCall(RecordedRequest Request, string? RecipientId, string? MessagingType, string? Text, IReadOnlyList<(string Title, string Payload)> QuickReplies)
{
    public static SendCall Parse(RecordedRequest request)
    {
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            var root = doc.RootElement;
            var message = root.GetProperty("message");
            var quickReplies = message.TryGetProperty("quick_replies", out var qr)
                ? qr.EnumerateArray().Select(q =>
                {
                    Assert.Equal("text", q.GetProperty("content_type").GetString());
                    return (q.GetProperty("title").GetString()!, q.GetProperty("payload").GetString()!);
                }).ToArray()
                : [];
            return new SendCall(
                request,
                root.GetProperty("recipient").GetProperty("id").GetString(),
                root.TryGetProperty("messaging_type", out var type) ? type.GetString() : null,
                message.TryGetProperty("text", out var text) ? text.GetString() : null,
                quickReplies);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new SendCall(request, null, null, null, []);
        }
    }
}
