using System.Diagnostics.Metrics;

namespace Campaign.Core.Conversations;

/// <summary>
/// Counters operators watch: messages handled per channel and what the bot did with them (answered,
/// not sure, command ...). The meter is named "Campaign", which the services export by OpenTelemetry.
/// </summary>
internal static class ConversationMetrics
{
    private static readonly Meter Meter = new("Campaign");

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>(
        "campaign.conversation.messages", unit: "{message}", description: "Inbound messages handled, by channel and outcome");

    public static void Handled(Channel channel, string outcome) =>
        Messages.Add(1, new KeyValuePair<string, object?>("channel", channel.Key()), new KeyValuePair<string, object?>("outcome", outcome));
}
