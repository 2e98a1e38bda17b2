using System.Collections.Concurrent;
using Campaign.TestSupport;
using CampaignBot.Channels.BotFramework;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>Start-up: the channel is always on, authenticated or in local emulator mode; half a configuration fails naming what is missing.</summary>
[Collection(UsesRedis.Name)]
public sealed class BotFrameworkOptionsTests(RedisServer redis)
{
    /// <summary>name; settings; the setting the start-up error must name.</summary>
    public static TheoryData<string, Dictionary<string, string?>, string> HalfConfigured() => new()
    {
        { "app id without password", new() { ["Bot:MicrosoftAppId"] = BotFrameworkBot.AppId }, "Bot:MicrosoftAppPassword is required" },
        { "password without app id", new() { ["Bot:MicrosoftAppPassword"] = "secret" }, "Bot:MicrosoftAppId is required" },
        { "tenant without app id", new() { ["Bot:MicrosoftAppTenantId"] = "contoso.onmicrosoft.com" }, "Bot:MicrosoftAppId is required" },
        { "metadata URL not a URL", new() { ["Bot:OpenIdMetadataUrl"] = "login.botframework.com" }, "Bot:OpenIdMetadataUrl must be an absolute http(s) URL" },
        { "token endpoint not a URL", new() { ["Bot:TokenEndpoint"] = "/token" }, "Bot:TokenEndpoint must be an absolute http(s) URL" },
        { "timeout of zero", new() { ["Bot:RequestTimeout"] = "00:00:00" }, "Bot:RequestTimeout must be more than 0" },
    };

    [Theory]
    [MemberData(nameof(HalfConfigured))]
    public async Task Start_up_fails_naming_the_setting(string name, Dictionary<string, string?> settings, string error)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await BotHost.StartAsync(redis, settings));

        Assert.True(ex.Message.Contains(error, StringComparison.Ordinal), $"[{name}] {ex.Message}");
    }

    [Fact]
    public async Task Emulator_mode_is_logged_once_at_start_up()
    {
        var logs = new Capture();
        await using (var host = await BotHost.StartAsync(redis, new Dictionary<string, string?>(), b => b.Logging.AddProvider(logs)))
        {
            Assert.True(host.Get<Microsoft.Extensions.Options.IOptions<BotFrameworkOptions>>().Value.IsEmulatorMode);
        }

        Assert.Single(logs.Lines, l => l.Contains("LOCAL EMULATOR MODE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_password_is_never_logged()
    {
        var logs = new Capture();
        await using var stub = await StubHttpServer.StartAsync();
        stub.Handler = _ => StubResponse.Json(200, $"{{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"{BotFrameworkBot.AccessToken}\"}}");
        await using (var host = await BotHost.StartAsync(redis, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = BotFrameworkBot.AppId,
            ["Bot:MicrosoftAppPassword"] = BotFrameworkBot.AppPassword,
            ["Bot:TokenEndpoint"] = stub.BaseAddress + "token",
            ["Logging:LogLevel:Default"] = "Debug",
        }, b => b.Logging.AddProvider(logs)))
        {
            var (token, failure) = await host.Get<MicrosoftAppCredentials>().GetTokenAsync(default);
            Assert.Null(failure);
            Assert.Equal(BotFrameworkBot.AccessToken, token);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(BotFrameworkBot.AppPassword, StringComparison.Ordinal) || l.Contains(BotFrameworkBot.AccessToken, StringComparison.Ordinal));
    }

    /// <summary>name; tenant; token endpoint setting; the endpoint used.</summary>
    public static TheoryData<string, string?, string?, string> TokenEndpoints() => new()
    {
        { "multi-tenant default", null, null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token" },
        { "single tenant", "0b6c7a1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b", null, "https://login.microsoftonline.com/0b6c7a1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/token" },
        { "explicit endpoint wins", "0b6c7a1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b", "http://127.0.0.1:1/token", "http://127.0.0.1:1/token" },
    };

    [Theory]
    [MemberData(nameof(TokenEndpoints))]
    public void Token_endpoint(string name, string? tenant, string? endpoint, string expected)
    {
        var options = new BotFrameworkOptions { MicrosoftAppTenantId = tenant, TokenEndpoint = endpoint };

        Assert.True(options.EffectiveTokenEndpoint == expected, $"[{name}] {options.EffectiveTokenEndpoint}");
    }

    private sealed class Capture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(Capture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
