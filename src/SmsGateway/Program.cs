using SmsGateway;

// SmsGateway: the SMS channel (Twilio protocol, Android SIM gateway, local simulator) on the shared
// conversation engine, and the SMS outbox dispatcher.
SmsGatewayApp.Create(args).Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
