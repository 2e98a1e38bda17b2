using Campaign.TestSupport;

namespace CampaignBot.Tests;

/// <summary>Health, readiness and start-up checks of CampaignBot as a real process (see <see cref="ServiceHostTests"/>).</summary>
[Collection(UsesRedis.Name)]
public sealed class HostTests(RedisServer redis) : ServiceHostTests(redis, "CampaignBot");
