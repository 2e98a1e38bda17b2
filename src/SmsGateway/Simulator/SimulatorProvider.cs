using Campaign.Core.Delivery;
using SmsGateway.Sending;

namespace SmsGateway.Simulator;

/// <summary>
/// The local SMS route: "sending" puts the message on the simulated phone's screen. Like a real
/// provider it answers with a message id; the delivery receipt comes from the phone page once it has
/// shown the message, through the same receipt path real providers use.
/// </summary>
public sealed class SimulatorProvider(SimulatorPhones phones) : ISmsProvider
{
    public string Name => "simulator";

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var shown = await phones.AppendAsync(message.Address, "out", message.Text, message.DeliveryId);
        return SendResult.Accepted("SIM" + shown.Id);
    }
}
