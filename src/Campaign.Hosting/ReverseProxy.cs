using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Hosting;

/// <summary>
/// Behind a reverse proxy the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. Rate limits (web chat, invalid API keys), the audit log and the console
/// cookie's Secure flag need the real ones. Only the proxies an operator lists are believed (loopback
/// by default), so nobody can pick their own address by sending the header.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR, e.g.
    /// <c>10.0.0.0/8</c>) are trusted besides loopback; a bad entry stops the start with its name.
    /// </summary>
    public static IServiceCollection AddCampaignReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // One hop: the proxy in front of us. Addresses further left were written by the client.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', which is not an IP address"));
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', which is not a CIDR range like 10.0.0.0/8"));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client, not the proxy.</summary>
    public static IApplicationBuilder UseCampaignReverseProxy(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
