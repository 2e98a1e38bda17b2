using Campaign.TestSupport;

namespace CampaignBot.Tests;

/// <summary>One real Redis server for every test class in this assembly that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class UsesRedis : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
