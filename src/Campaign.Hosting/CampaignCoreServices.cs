using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Inbox;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>Registers what both services share: content, Redis, subscribers, the conversation engine.</summary>
public static class CampaignCoreServices
{
    public const string DefaultRedis = "127.0.0.1:6379";

    public static IServiceCollection AddCampaignCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Content is loaded and validated before the host starts: a broken file fails start-up with file and line.
        var content = ContentLoader.Load(ContentPath.Resolve(configuration["Content:Path"]));
        services.AddSingleton(new ContentStore(content));

        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.Section))
            .Validate(o => o.MaxInputCharacters is >= 50 and <= 100_000, "Conversations:MaxInputCharacters must be between 50 and 100000")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        services.AddOptions<SmsOptions>()
            .Bind(configuration.GetSection(SmsOptions.Section))
            .Validate(o => o.MaxSegments is >= 1 and <= 10, "Sms:MaxSegments must be between 1 and 10")
            .Validate(o => Enum.IsDefined(o.Diacritics), "Sms:Diacritics must be strip, keep or auto")
            .Validate(o => o.PricePerSegment >= 0, "Sms:PricePerSegment must be 0 or more")
            .Validate(o => o.Currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), "Sms:Currency must be a three-letter ISO 4217 code such as VND")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value);
        services.AddSingleton<SmsRenderer>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(configuration));
        services.AddSingleton(new RedisKeys(configuration["Redis:KeyPrefix"] ?? ""));
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<UnansweredQuestions>();
        services.AddSingleton<LiveFaqMatcher>();
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<InboundLedger>();
        services.AddSingleton<ChatInbox>();

        // Officers' answers to unanswered questions, live on every instance once approved.
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.Section))
            .Validate(o => o.Window is >= 10 and <= 50_000, "Inbox:Window must be between 10 and 50000")
            .Validate(o => o.Threshold is > 0 and <= 1, "Inbox:Threshold must be above 0 and at most 1")
            .Validate(o => o.OverlayResync >= TimeSpan.FromSeconds(1), "Inbox:OverlayResync must be at least a second")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InboxOptions>>().Value);
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<UnansweredInbox>();
        services.AddSingleton<FaqOverlaySync>();
        services.AddHostedService(sp => sp.GetRequiredService<FaqOverlaySync>());

        services.AddOptions<DispatcherOptions>()
            .Bind(configuration.GetSection(DispatcherOptions.Section))
            .Validate(o => o.Concurrency is >= 1 and <= 64, "Delivery:Concurrency must be between 1 and 64")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Delivery:BatchSize must be between 1 and 1000")
            .Validate(o => o.MaxAttempts >= 1, "Delivery:MaxAttempts must be at least 1")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DispatcherOptions>>().Value);
        services.AddSingleton<DeliveryStore>();
        var rates = configuration.GetSection(ProviderRateLimits.Section).Get<Dictionary<string, ProviderRate>>() ?? [];
        if (rates.Any(r => r.Value.MessagesPerMinute < 0 || r.Value.Burst < 0))
        {
            throw new InvalidOperationException($"{ProviderRateLimits.Section}: MessagesPerMinute and Burst must not be negative");
        }
        services.AddSingleton(sp => new ProviderRateLimits(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), sp.GetRequiredService<TimeProvider>(),
            new Dictionary<string, ProviderRate>(rates, StringComparer.Ordinal)));
        services.AddSingleton<ProviderHealth>();
        return services;
    }

    /// <summary>
    /// Connects without failing when Redis is down at start: the multiplexer keeps retrying, readiness
    /// reports it, and FAQ answers keep working from memory meanwhile.
    /// </summary>
    public static ConnectionMultiplexer ConnectRedis(IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis") ?? DefaultRedis);
        options.AbortOnConnectFail = false;
        options.ClientName ??= AppDomain.CurrentDomain.FriendlyName;
        return ConnectionMultiplexer.Connect(options);
    }
}
