namespace CampaignBot.Channels.BotFramework;

/// <summary>What a valid channel token vouches for: the key that signed it (and so the channels it may speak for) and the serviceUrl it was issued for.</summary>
/// <param name="KeyId">The signing key's kid.</param>
/// <param name="Endorsements">The channel ids the key is endorsed for; null when it carries none.</param>
/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim.</param>
public sealed record ChannelIdentity(string KeyId, IReadOnlyList<string>? Endorsements, string? ServiceUrl);
