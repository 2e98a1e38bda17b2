using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace SmsGateway.Tests;

/// <summary>SmsGateway in-process on a real port (see <see cref="InProcessApp"/>); settings such as <c>Sms:Provider</c> choose the route.</summary>
public sealed class GatewayHost : InProcessApp
{
    private GatewayHost(WebApplication app, Uri baseAddress, string keyPrefix) : base(app, baseAddress, keyPrefix)
    {
    }

    public static async Task<GatewayHost> StartAsync(RedisServer redis, IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var (app, baseAddress, prefix) = await LaunchAsync(SmsGatewayApp.Create, redis, settings, configure);
        return new GatewayHost(app, baseAddress, prefix);
    }
}
