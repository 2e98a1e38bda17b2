using Campaign.TestSupport;

namespace SmsGateway.Tests;

/// <summary>Health, readiness and start-up checks of SmsGateway as a real process (see <see cref="ServiceHostTests"/>).</summary>
[Collection(UsesRedis.Name)]
public sealed class HostTests(RedisServer redis) : ServiceHostTests(redis, "SmsGateway");
