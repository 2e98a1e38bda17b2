using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Channels.BotFramework;

/// <summary>A key the channel signs its tokens with, and the channel ids it is endorsed for (null: the key carries no endorsements).</summary>
public sealed record ChannelSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string>? Endorsements);
