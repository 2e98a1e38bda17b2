using System.Net;
using Campaign.Core.Delivery;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Android;

/// <summary>
/// Receipts the phone reports for a message we sent (its <c>messageId</c> is our delivery id):
/// each table row is a sequence of webhooks and where the delivery must end up. The delivery is
/// first sent for real, through the outbox and the dispatcher, so it starts as the phone left it: sent.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidReceiptTests(RedisServer redis)
{
    /// <param name="Event">The webhook event.</param>
    /// <param name="Outcome">What the gateway answers (200 with this outcome, or the problem detail).</param>
    private sealed record Step(string Event, string Outcome)
    {
        public string? Reason { get; init; }

        /// <summary>Steps sharing a name share one envelope id (the phone retrying the same event).</summary>
        public string? EnvelopeName { get; init; }

        /// <summary>About a delivery that is not ours.</summary>
        public bool OtherDelivery { get; init; }

        public bool NoMessageId { get; init; }
        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
    }

    private sealed record Receipts(Step[] Steps, DeliveryStatus Status, string? Error = null);

    private static readonly Dictionary<string, Receipts> Table = new()
    {
        ["sent (already recorded when the phone took it)"] = new([new("sms:sent", "stale")], DeliveryStatus.Sent),
        ["delivered"] = new([new("sms:sent", "stale"), new("sms:delivered", "applied")], DeliveryStatus.Delivered),
        ["failed, with the phone's reason recorded"] =
            new([new("sms:failed", "applied") { Reason = "RESULT_ERROR_GENERIC_FAILURE" }], DeliveryStatus.Failed, "RESULT_ERROR_GENERIC_FAILURE"),
        ["cancelled counts as failed"] = new([new("sms:cancelled", "applied")], DeliveryStatus.Failed, "cancelled"),
        ["delivered once per part of a long SMS"] =
            new([new("sms:delivered", "applied"), new("sms:delivered", "stale"), new("sms:delivered", "stale")], DeliveryStatus.Delivered),
        ["out of order: delivered, then sent, stays delivered"] =
            new([new("sms:delivered", "applied"), new("sms:sent", "stale")], DeliveryStatus.Delivered),
        ["failed after delivered: the failure outranks"] =
            new([new("sms:delivered", "applied"), new("sms:failed", "applied") { Reason = "RESULT_ERROR_NO_SERVICE" }], DeliveryStatus.Failed, "RESULT_ERROR_NO_SERVICE"),
        ["the same event retried is handled once"] =
            new([new("sms:failed", "applied") { EnvelopeName = "e1", Reason = "first" }, new("sms:failed", "duplicate") { EnvelopeName = "e1", Reason = "first" }], DeliveryStatus.Failed, "first"),
        ["system:ping is answered and ignored"] = new([new("system:ping", "ignored")], DeliveryStatus.Sent),
        ["app:started is answered and ignored"] = new([new("app:started", "ignored")], DeliveryStatus.Sent),
        ["an unknown event is answered and ignored"] = new([new("sms:data-received", "ignored")], DeliveryStatus.Sent),
        ["a receipt for a delivery that is not ours"] = new([new("sms:delivered", "unknown-delivery") { OtherDelivery = true }], DeliveryStatus.Sent),
        ["a receipt without messageId"] =
            new([new("sms:delivered", "payload.messageId is required") { NoMessageId = true, Status = HttpStatusCode.BadRequest }], DeliveryStatus.Sent),
    };

    public static TheoryData<string> Names => FixtureTable.Names(Table);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Receipts_move_the_delivery_forward_only(string name)
    {
        var receipts = Table[name];
        await using var android = await AndroidHarness.StartAsync(redis);
        var queued = await android.Host.Get<SmsSender>().EnqueueAsync("+84912000200", "Lich tiem chung thang 12 tai tram y te xa.", DeliveryKind.Campaign);
        await android.WaitForStatusAsync(queued.Id, DeliveryStatus.Sent);

        var envelopeIds = new Dictionary<string, string>();
        foreach (var step in receipts.Steps)
        {
            var envelopeId = step.EnvelopeName is { } alias ? envelopeIds.TryGetValue(alias, out var known) ? known : envelopeIds[alias] = Envelopes.NewId() : null;
            var messageId = step.OtherDelivery ? Delivery.NewId() : queued.Id;
            var envelope = step.Event.StartsWith("sms:", StringComparison.Ordinal)
                ? Envelopes.Receipt(step.Event, messageId, step.Reason, envelopeId)
                : Envelopes.Event(step.Event, new() { ["health"] = "pass" }, envelopeId);
            if (step.NoMessageId)
            {
                envelope = envelope.Without("payload.messageId");
            }

            using var response = await android.PostAsync(envelope);

            Assert.Equal(step.Status, response.StatusCode);
            Assert.Contains(step.Outcome, await AndroidHarness.ReadAnswerAsync(response), StringComparison.Ordinal);
        }

        var delivery = await android.Host.Get<DeliveryStore>().GetAsync(queued.Id);
        Assert.NotNull(delivery);
        Assert.Equal(receipts.Status, delivery.Status);
        Assert.Equal(receipts.Error, delivery.Error);
    }
}
