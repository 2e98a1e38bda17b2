using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.TestSupport;

/// <summary>
/// A service built exactly as its Program builds it, running in-process on a real Kestrel port on
/// 127.0.0.1, against the test Redis under a fresh key prefix. Settings are the ones a deployment
/// would give; <c>configure</c> can swap services such as the <see cref="TimeProvider"/>.
/// </summary>
public abstract class InProcessApp : IAsyncDisposable
{
    protected InProcessApp(WebApplication app, Uri baseAddress, string keyPrefix)
    {
        App = app;
        BaseAddress = baseAddress;
        KeyPrefix = keyPrefix;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public string KeyPrefix { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds and starts the app with the test Redis, the repository's content and quiet logs, then <paramref name="settings"/>.</summary>
    protected static async Task<(WebApplication App, Uri BaseAddress, string KeyPrefix)> LaunchAsync(
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> create,
        RedisServer redis,
        IDictionary<string, string?> settings,
        Action<WebApplicationBuilder>? configure)
    {
        var prefix = redis.NewPrefix();
        var args = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = prefix,
            ["Content:Path"] = RepoPaths.Content,
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
            // Off unless a test is about scheduling: an approved campaign would otherwise be moved to
            // "scheduled" behind the test's back, changing what it reads.
            ["Scheduler:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            args[key] = value;
        }
        var app = create([.. args.Where(a => a.Value is not null).Select(a => $"--{a.Key}={a.Value}")], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"), prefix);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
