using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>CampaignBot in-process with a fake clock, and console officers added through the real store and hasher.</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string Password = "mat-khau-thu-10";

    private ConsoleHost(BotHost bot, FakeTimeProvider time)
    {
        Bot = bot;
        Time = time;
    }

    public BotHost Bot { get; }

    public FakeTimeProvider Time { get; }

    public OfficerStore Officers => Bot.Get<OfficerStore>();

    public IAuditLog Audit => Bot.Get<IAuditLog>();

    public static async Task<ConsoleHost> StartAsync(RedisServer redis, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bot = await BotHost.StartAsync(redis, settings ?? new Dictionary<string, string?>(), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(builder);
        });
        return new ConsoleHost(bot, time);
    }

    public async Task<Officer> AddAsync(string username, OfficerRole role, string areas, string password = Password, string name = "Cán bộ thử")
    {
        var officer = await Officers.AddWithPasswordAsync(new NewOfficer(name, role, AreaScope.Parse(areas), username), Bot.Get<OfficerPasswords>().Hash(password));
        return officer ?? throw new InvalidOperationException($"username {username} taken");
    }

    public ConsoleBrowser Browser() => new(Bot.BaseAddress);

    /// <summary>A new browser signed in as a new officer.</summary>
    public async Task<(Officer Officer, ConsoleBrowser Browser)> SignedInAsync(string username, OfficerRole role, string areas)
    {
        var officer = await AddAsync(username, role, areas);
        var browser = Browser();
        await browser.SignInOrFailAsync(username, Password);
        return (officer, browser);
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
