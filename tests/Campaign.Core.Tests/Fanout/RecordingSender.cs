using System.Collections.Concurrent;
using Campaign.Core.Delivery;

namespace Campaign.Core.Tests.Fanout;

/// <summary>A provider stand-in that records every message it was handed and answers as told (accepted by default).</summary>
internal sealed class RecordingSender(string name = "fake") : IChannelSender
{
    public string Name => name;

    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    /// <summary>How to answer each call; the default accepts.</summary>
    public Func<OutgoingMessage, SendResult> Answer { get; set; } = m => SendResult.Accepted("P-" + m.DeliveryId);

    /// <summary>Runs before answering (a slow provider, a crash in the middle of a call).</summary>
    public Func<OutgoingMessage, Task>? Before { get; set; }

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        if (Before is not null)
        {
            await Before(message);
        }
        return Answer(message);
    }

    /// <summary>How many messages each address got.</summary>
    public Dictionary<string, int> CountByAddress() => Sent.GroupBy(m => m.Address).ToDictionary(g => g.Key, g => g.Count());
}
