namespace SmsGateway.Twilio;

/// <summary>The paths Twilio calls us at; configure the number's "A message comes in" webhook with <see cref="Inbound"/>.</summary>
public static class TwilioRoutes
{
    public const string Inbound = "/sms/twilio/inbound";
    public const string Status = "/sms/twilio/status";

    /// <summary>The query parameter of <see cref="Status"/> that carries our delivery id.</summary>
    public const string DeliveryQuery = "d";
}
