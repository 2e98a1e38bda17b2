using System.Text.Json.Serialization;

namespace SmsGateway.Android;

/// <summary>
/// The body of <c>POST {BaseUrl}/messages</c>, in the app's own field names. <see cref="Id"/> is our
/// delivery id: the app refuses a second message with the same id, so a resent request cannot
/// become a second SMS, and every receipt names the delivery it belongs to.
/// </summary>
public sealed record AndroidSendRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("textMessage")] AndroidTextMessage TextMessage,
    [property: JsonPropertyName("phoneNumbers")] IReadOnlyList<string> PhoneNumbers,
    [property: JsonPropertyName("withDeliveryReport")] bool WithDeliveryReport,
    [property: JsonPropertyName("simNumber"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SimNumber);

/// <summary>A plain text SMS (the app also knows data SMS, which we never send).</summary>
public sealed record AndroidTextMessage([property: JsonPropertyName("text")] string Text);
