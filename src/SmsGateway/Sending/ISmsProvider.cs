using Campaign.Core.Delivery;

namespace SmsGateway.Sending;

/// <summary>
/// An SMS route (Twilio, an Android phone with a local SIM, the simulator). Each lives in its own
/// folder with its send client, webhooks, options and fixtures; exactly one is active, chosen by
/// <c>Sms:Provider</c>.
/// </summary>
public interface ISmsProvider : IChannelSender;
