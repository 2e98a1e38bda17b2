using Campaign.Core.Delivery;

namespace Campaign.Core.Conversations;

/// <summary>
/// The inbound path every chat channel (Zalo, Messenger, Bot Framework, web chat) shares: de-duplicate
/// on the channel's message id, take one conversation step, and queue the replies (with their choices)
/// in the channel's outbox, so the webhook answers at once and no accepted message is dropped; or,
/// for the web chat page, return them in the response (<see cref="ReplyRoute.Inline"/>).
/// </summary>
public sealed class ChatInbox(ConversationEngine engine, DeliveryStore deliveries, InboundLedger ledger)
{
    /// <summary>Handles one message; its replies are queued in the channel's outbox.</summary>
    /// <exception cref="StackExchange.Redis.RedisException">Redis is unreachable: nothing was accepted; answer 503 so the provider retries.</exception>
    public Task<InboundResult> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default) =>
        ReceiveAsync(message, ReplyRoute.Outbox, cancellationToken);

    /// <summary>As <see cref="ReceiveAsync(InboundMessage, CancellationToken)"/>, the replies returned (and recorded as sent) instead of queued.</summary>
    public Task<InboundResult> ReceiveInlineAsync(InboundMessage message, CancellationToken cancellationToken = default) =>
        ReceiveAsync(message, ReplyRoute.Inline, cancellationToken);

    private async Task<InboundResult> ReceiveAsync(InboundMessage message, ReplyRoute route, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId, nameof(message));
        var source = message.Channel.Key();
        if (await ledger.ClaimAsync(source, message.MessageId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        try
        {
            var replies = await engine.HandleAsync(message, cancellationToken);
            foreach (var reply in replies)
            {
                var delivery = new Delivery.Delivery
                {
                    Id = Delivery.Delivery.NewId(),
                    Channel = message.Channel,
                    Address = message.Address,
                    Text = reply.Text,
                    Choices = reply.Choices,
                    Kind = DeliveryKind.Reply,
                };
                _ = route == ReplyRoute.Outbox
                    ? await deliveries.EnqueueAsync(delivery)
                    : await deliveries.RecordSentAsync(delivery, source);
            }
            var texts = replies.Select(r => r.Text).ToArray();
            await ledger.CompleteAsync(source, message.MessageId, texts);
            return new InboundResult(InboundDisposition.Handled, texts) { Choices = replies.Count > 0 ? replies[^1].Choices : [] };
        }
        catch
        {
            await ledger.ReleaseAsync(source, message.MessageId);
            throw;
        }
    }
}
