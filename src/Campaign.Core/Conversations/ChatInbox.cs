using Campaign.Core.Delivery;

namespace Campaign.Core.Conversations;

/// <summary>
/// The inbound path every chat channel (Zalo, Messenger, Bot Framework, web chat) shares: de-duplicate
/// on the channel's message id, take one conversation step, and queue the replies (with their choices)
/// in the channel's outbox, so the webhook answers at once and no accepted message is dropped.
/// </summary>
public sealed class ChatInbox(ConversationEngine engine, DeliveryStore deliveries, InboundLedger ledger)
{
    /// <exception cref="StackExchange.Redis.RedisException">Redis is unreachable: nothing was accepted; answer 503 so the provider retries.</exception>
    public async Task<InboundResult> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default)
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
                await deliveries.EnqueueAsync(new Delivery.Delivery
                {
                    Id = Delivery.Delivery.NewId(),
                    Channel = message.Channel,
                    Address = message.Address,
                    Text = reply.Text,
                    Choices = reply.Choices,
                    Kind = DeliveryKind.Reply,
                });
            }
            var texts = replies.Select(r => r.Text).ToArray();
            await ledger.CompleteAsync(source, message.MessageId, texts);
            return new InboundResult(InboundDisposition.Handled, texts);
        }
        catch
        {
            await ledger.ReleaseAsync(source, message.MessageId);
            throw;
        }
    }
}
