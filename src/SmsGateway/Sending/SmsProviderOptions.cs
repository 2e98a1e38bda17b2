namespace SmsGateway.Sending;

/// <summary>Which SMS route this gateway uses (<c>Sms:Provider</c>).</summary>
public static class SmsProviderOptions
{
    public const string Setting = "Sms:Provider";
    public const string Simulator = "simulator";
    public const string Twilio = "twilio";
    public const string Android = "android";

    public static readonly string[] All = [Simulator, Twilio, Android];
}
