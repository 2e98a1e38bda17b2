using System.Diagnostics.Metrics;

namespace Campaign.Core.Delivery;

/// <summary>Send outcomes and billed segments per channel and provider, on the "Campaign" meter.</summary>
internal static class DeliveryMetrics
{
    private static readonly Meter Meter = new("Campaign");

    private static readonly Counter<long> Sends = Meter.CreateCounter<long>(
        "campaign.delivery.sends", unit: "{message}", description: "Provider send calls, by channel, provider and outcome");

    private static readonly Counter<long> Segments = Meter.CreateCounter<long>(
        "campaign.delivery.sms_segments", unit: "{segment}", description: "Billed SMS segments accepted by providers");

    public static void Sent(string channel, string provider, SendOutcome outcome, int segments)
    {
        var tags = new[] { new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("provider", provider) };
        Sends.Add(1, [.. tags, new KeyValuePair<string, object?>("outcome", outcome.ToString())]);
        if (outcome == SendOutcome.Accepted && segments > 0)
        {
            Segments.Add(segments, tags);
        }
    }
}
