using System.Threading.RateLimiting;

namespace CampaignBot.Channels.WebChat;

/// <summary>
/// The web chat: a page anyone can open to talk to the bot with no account, always on. Its only
/// protection is a per-address rate limit (<c>WebChat:MessagesPerMinute</c>), since it is public.
/// </summary>
public static class WebChatChannel
{
    public const string RateLimitPolicy = "webchat";

    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("WebChat:MessagesPerMinute", 30);
        if (perMinute < 1)
        {
            throw new InvalidOperationException("WebChat:MessagesPerMinute must be at least 1.");
        }
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebChatChannel(this IEndpointRouteBuilder app) => app.MapWebChatEndpoints();
}
