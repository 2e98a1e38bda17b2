using Campaign.TestSupport;

namespace Campaign.Core.Tests;

/// <summary>One real Redis server for every test class in this assembly that needs one (xunit wants the definition here).</summary>
[CollectionDefinition(Name)]
public sealed class UsesRedis : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
