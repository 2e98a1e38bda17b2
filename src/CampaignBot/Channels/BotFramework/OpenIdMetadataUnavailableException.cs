namespace CampaignBot.Channels.BotFramework;

/// <summary>The signing keys could not be fetched and none are known: no token can be checked right now.</summary>
public sealed class OpenIdMetadataUnavailableException(string message, Exception inner) : Exception(message, inner);
