using System.Text.Json;
using Campaign.TestSupport;

namespace SmsGateway.Tests.Android;

/// <summary>One <c>POST /messages</c> the phone received, read field by field.</summary>
internal sealed record SentMessage(string Method, string Path, string? Authorization, string? ContentType, JsonElement Json)
{
    public static SentMessage From(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return new SentMessage(
            request.Method,
            request.PathAndQuery,
            request.Headers.GetValueOrDefault("Authorization"),
            request.Headers.GetValueOrDefault("Content-Type"),
            json.RootElement.Clone());
    }

    public string Id => Json.GetProperty("id").GetString()!;
    public string Text => Json.GetProperty("textMessage").GetProperty("text").GetString()!;
    public string[] PhoneNumbers => [.. Json.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetString()!)];
    public bool WithDeliveryReport => Json.GetProperty("withDeliveryReport").GetBoolean();
    public int? SimNumber => Json.TryGetProperty("simNumber", out var sim) ? sim.GetInt32() : null;

    /// <summary>Checks everything the app needs from a send request to <paramref name="e164"/>.</summary>
    public void AssertWellFormed(string e164, string pathPrefix = "")
    {
        Assert.Equal("POST", Method);
        Assert.Equal(pathPrefix + "/messages", Path);
        Assert.Equal(AndroidHarness.BasicAuth, Authorization);
        Assert.StartsWith("application/json", ContentType, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", Id); // our delivery id, within the app's 36-character limit
        Assert.Equal([e164], PhoneNumbers);
        Assert.True(WithDeliveryReport);
        Assert.False(Json.TryGetProperty("message", out _), "the deprecated 'message' field must not be sent");
        Assert.False(Json.TryGetProperty("dataMessage", out _));
    }
}
