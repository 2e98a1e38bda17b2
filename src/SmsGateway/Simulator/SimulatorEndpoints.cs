using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Campaign.Core.Redis;
using Campaign.Core.Text;
using Campaign.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using SmsGateway.Inbound;
using StackExchange.Redis;

namespace SmsGateway.Simulator;

/// <summary>
/// The browser "feature phone" and its API. What the page sends goes through <see cref="SmsInbox"/>,
/// the same pipeline as a real provider's webhook; what the gateway sends arrives through the outbox,
/// the dispatcher and <see cref="SimulatorProvider"/>. For local demos only: it has no authentication,
/// and is mapped only when <c>Sms:Provider</c> is <c>simulator</c>.
/// </summary>
internal static class SimulatorEndpoints
{
    /// <summary>The longest SMS body a provider accepts (Twilio's limit, 10 segments).</summary>
    public const int MaxTextLength = 1600;

    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/simulator", Page).ExcludeFromDescription();
        var api = app.MapGroup("/simulator/api");
        api.MapGet("/phones", async (SimulatorPhones phones) => TypedResults.Ok(new { phones = await phones.RecentAsync() }));
        api.MapGet("/phones/{phone}/messages", HistoryAsync);
        api.MapGet("/phones/{phone}/live", LiveAsync);
        api.MapPost("/phones/{phone}/messages", SendFromPhoneAsync).WithMaxBodySize(MaxBodyBytes);
        api.MapPost("/receipts", ReceiptAsync).WithMaxBodySize(MaxBodyBytes);
        api.MapGet("/preview", Preview);
        return app;
    }

    private static IResult Page()
    {
        var stream = typeof(SimulatorEndpoints).Assembly.GetManifestResourceStream("SmsGateway.Simulator.simulator.html")
            ?? throw new InvalidOperationException("simulator.html is not embedded");
        return Results.Stream(stream, "text/html; charset=utf-8");
    }

    private static async Task<IResult> HistoryAsync(string phone, SimulatorPhones phones)
    {
        if (!VietnamPhoneNumber.TryNormalize(phone, out var e164))
        {
            return BadPhone(phone);
        }
        return TypedResults.Ok(new { phone = e164, messages = await phones.HistoryAsync(e164) });
    }

    private static async Task<IResult> LiveAsync(string phone, SimulatorPhones phones, CancellationToken cancellationToken) =>
        VietnamPhoneNumber.TryNormalize(phone, out var e164)
            ? TypedResults.ServerSentEvents(Events(await phones.ListenAsync(e164), cancellationToken))
            : BadPhone(phone);

    // "ready" first: it sends the response headers at once and tells the page the subscription is live.
    private static async IAsyncEnumerable<SseItem<SimulatedMessage?>> Events(
        JsonSubscription<SimulatedMessage> listener, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (listener)
        {
            yield return new SseItem<SimulatedMessage?>(null, "ready");
            await foreach (var message in listener.ReadAllAsync(cancellationToken))
            {
                yield return new SseItem<SimulatedMessage?>(message, "sms") { EventId = message.Id };
            }
        }
    }

    private static async Task<IResult> SendFromPhoneAsync(
        string phone, PhoneMessage? body, SmsInbox inbox, SimulatorPhones phones, IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var number = VietnamPhoneNumber.Normalize(phone);
        if (!number.IsValid)
        {
            return BadPhone(phone);
        }
        if (body is null || string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 64)
        {
            return Problem("id", "give each message an id (1-64 characters) so a retried send is not handled twice");
        }
        if (body.Text is null)
        {
            return Problem("text", "the message text is missing");
        }
        if (body.Text.Length > MaxTextLength)
        {
            return Problem("text", $"an SMS body is at most {MaxTextLength} characters");
        }

        // Shown on the phone's screen once, even when the page retries the same message.
        if (await redis.GetDatabase().StringSetAsync(keys.InboundSeen("simulator-screen", body.Id), "1", TimeSpan.FromDays(2), When.NotExists))
        {
            await phones.AppendAsync(number.E164!, "in", body.Text, null);
        }
        var result = await inbox.ReceiveAsync(new SmsInbound("simulator", body.Id, number.E164!, body.Text, time.GetUtcNow()), ReplyRoute.Outbox, cancellationToken);
        return result.Disposition == InboundDisposition.InProgress
            ? TypedResults.Problem("the same message is being handled; try again", statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Accepted((string?)null, new { phone = number.E164, disposition = result.Disposition.ToString().ToLowerInvariant(), replies = result.Replies.Count });
    }

    private static async Task<IResult> ReceiptAsync(Receipt? body, DeliveryStore deliveries)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.DeliveryId))
        {
            return Problem("deliveryId", "name the delivery the phone has shown");
        }
        var result = await deliveries.ApplyReceiptAsync(body.DeliveryId, DeliveryStatus.Delivered, null, null);
        return TypedResults.Ok(new { result = result.ToString().ToLowerInvariant() });
    }

    private static Ok<object> Preview(string? text)
    {
        var preview = SmsPreview.For(Diacritics.ToNfc(text ?? ""));
        return TypedResults.Ok<object>(new
        {
            encoding = preview.AsWritten.Encoding.ToDisplayName(),
            characters = preview.AsWritten.Characters,
            segments = preview.AsWritten.Segments,
            unaccented = new
            {
                text = preview.UnaccentedText,
                encoding = preview.Unaccented.Encoding.ToDisplayName(),
                characters = preview.Unaccented.Characters,
                segments = preview.Unaccented.Segments,
            },
        });
    }

    private static ProblemHttpResult BadPhone(string phone) =>
        Problem("phone", VietnamPhoneNumber.Normalize(phone).Error ?? $"'{phone}' is not a Vietnamese phone number");

    private static ProblemHttpResult Problem(string field, string detail) =>
        TypedResults.Problem(detail, title: $"invalid {field}", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>What the phone page posts: its own message id (for retries) and the text.</summary>
    internal sealed record PhoneMessage(string? Id, string? Text);

    /// <summary>The page has shown a message: a delivery receipt.</summary>
    internal sealed record Receipt(string? DeliveryId);
}
