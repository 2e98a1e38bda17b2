using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Microsoft.Extensions.Options;
using SmsGateway.Sending;
using StackExchange.Redis;

namespace SmsGateway.Android;

/// <summary>
/// The Android route (<c>Sms:Provider</c> = <c>android</c>): an Android phone with a local SIM running
/// the "SMS Gateway for Android" app (capcom6/android-sms-gateway) sends our SMS over its HTTP API and
/// reports received SMS and receipts to <c>POST /sms/android/webhook</c>.
/// </summary>
/// <remarks>
/// Setting up the phone (once per phone; webhooks registered in local mode and in cloud mode are
/// separate lists, so register them where <c>AndroidGateway:BaseUrl</c> points):
/// <list type="number">
/// <item>In the app, turn on Local server (or Cloud server) and note the user, password and address;
/// they become <c>AndroidGateway:Username</c>, <c>Password</c> and <c>BaseUrl</c>
/// (<c>http://&lt;phone-ip&gt;:8080</c>, or <c>https://api.sms-gate.app/3rdparty/v1</c>).</item>
/// <item>Copy Settings → Webhooks → Signing Key into <c>AndroidGateway:SigningKey</c>.</item>
/// <item>Register one webhook per event (the app takes one event per webhook); the URL must be
/// https (the app allows plain http only for 127.0.0.1):
/// <code>
/// for e in sms:received sms:sent sms:delivered sms:failed sms:cancelled; do
///   curl -u "$USER:$PASS" -H 'Content-Type: application/json' -X POST "$BASE_URL/webhooks" \
///     -d "{\"url\": \"https://sms.example.vn/sms/android/webhook\", \"event\": \"$e\"}"
/// done
/// curl -u "$USER:$PASS" "$BASE_URL/webhooks"      # check: five entries
/// </code>
/// Remove one with <c>DELETE {BaseUrl}/webhooks/{id}</c>.</item>
/// <item>In the app's message settings, set its own limits no looser than
/// <c>AndroidGateway:MessagesPerMinute</c>; this gateway paces every instance to that rate anyway.</item>
/// </list>
/// </remarks>
public static class AndroidGatewaySms
{
    private const string Required = "is required when Sms:Provider is android";

    public static IServiceCollection AddAndroidGatewaySms(this IServiceCollection services, IConfiguration configuration)
    {
        const string S = AndroidGatewayOptions.Section;
        services.AddOptions<AndroidGatewayOptions>()
            .Bind(configuration.GetSection(S))
            .Validate(o => !string.IsNullOrWhiteSpace(o.BaseUrl), $"{S}:BaseUrl {Required} (http://<phone-ip>:8080 or https://api.sms-gate.app/3rdparty/v1)")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || o.HasValidBaseUrl, $"{S}:BaseUrl must be an absolute http:// or https:// address without a query")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Username), $"{S}:Username {Required}")
            .Validate(o => !string.IsNullOrEmpty(o.Password), $"{S}:Password {Required}")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SigningKey), $"{S}:SigningKey {Required} (the app's Settings → Webhooks → Signing Key)")
            .Validate(o => o.MessagesPerMinute is >= 1 and <= 6000, $"{S}:MessagesPerMinute must be between 1 and 6000 (carriers block fast SIMs; 10 is the default)")
            .Validate(o => o.SimNumber is null or (>= 1 and <= 3), $"{S}:SimNumber must be 1, 2 or 3, or left empty")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.RequestTimeout <= TimeSpan.FromMinutes(5), $"{S}:RequestTimeout must be more than zero and at most 00:05:00")
            .Validate(o => o.WebhookTolerance > TimeSpan.Zero && o.WebhookTolerance <= TimeSpan.FromHours(1), $"{S}:WebhookTolerance must be more than zero and at most 01:00:00")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AndroidGatewayOptions>>().Value);

        services.AddHttpClient(AndroidGatewayClient.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<AndroidGatewayOptions>().RequestTimeout);
        services.AddSingleton<AndroidGatewayClient>();
        services.AddSingleton<ISmsProvider>(sp => sp.GetRequiredService<AndroidGatewayClient>());

        // One SIM, many gateway instances: the pace lives in Redis and the dispatcher waits its turn.
        services.AddSingleton(sp => new SendPace(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<RedisKeys>(),
            AndroidGatewayClient.ProviderName,
            sp.GetRequiredService<AndroidGatewayOptions>().MessagesPerMinute,
            sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<AndroidWebhookSignature>();
        services.AddSingleton<AndroidWebhook>();
        return services;
    }

    public static IEndpointRouteBuilder MapAndroidGatewaySms(this IEndpointRouteBuilder app)
    {
        app.MapPost(AndroidWebhook.Path, (HttpRequest request, AndroidWebhook webhook, CancellationToken cancellationToken) =>
            webhook.HandleAsync(request, cancellationToken));
        return app;
    }
}
