using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace CampaignBot.Tests;

/// <summary>CampaignBot in-process on a real port (see <see cref="InProcessApp"/>); channel settings (<c>Zalo:*</c>, <c>Messenger:*</c>, <c>Bot:*</c>) switch channels on.</summary>
public sealed class BotHost : InProcessApp
{
    private BotHost(WebApplication app, Uri baseAddress, string keyPrefix) : base(app, baseAddress, keyPrefix)
    {
    }

    public static async Task<BotHost> StartAsync(RedisServer redis, IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var (app, baseAddress, prefix) = await LaunchAsync(CampaignBotApp.Create, redis, settings, configure);
        return new BotHost(app, baseAddress, prefix);
    }
}
