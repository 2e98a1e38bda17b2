using System.Diagnostics;
using System.Net;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>The first admin: from configuration at start-up, or from <c>campaign admin create</c>.</summary>
[Collection(UsesRedis.Name)]
public sealed class FirstAdminTests(RedisServer redis)
{
    [Fact]
    public async Task Configuration_creates_the_first_admin_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Console:FirstAdmin:Username"] = "Quan.Tri",
            ["Console:FirstAdmin:Password"] = "mat-khau-dau-tien",
        };
        string prefix;
        await using (var host = await ConsoleHost.StartAsync(redis, settings))
        {
            prefix = host.Bot.KeyPrefix;
            using var browser = host.Browser();
            await browser.SignInOrFailAsync("quan.tri", "mat-khau-dau-tien");
            var me = await browser.MeAsync();
            Assert.Equal("admin", me.GetProperty("role").GetString());
            Assert.Equal("*", me.GetProperty("areas").GetString());
        }

        // A restart, even with another password configured, neither duplicates nor changes the admin.
        settings["Redis:KeyPrefix"] = prefix;
        settings["Console:FirstAdmin:Password"] = "mat-khau-da-doi-sau";
        await using (var again = await ConsoleHost.StartAsync(redis, settings))
        {
            var officers = await again.Officers.ListAsync();
            Assert.Single(officers, o => o.Username == "quan.tri");
            using var browser = again.Browser();
            await browser.SignInOrFailAsync("quan.tri", "mat-khau-dau-tien");
        }
    }

    [Fact]
    public async Task No_first_admin_from_configuration_once_someone_can_sign_in()
    {
        await using var host = await ConsoleHost.StartAsync(redis);
        await host.AddAsync("da.co", OfficerRole.Admin, "*");
        var settings = new Dictionary<string, string?>
        {
            ["Redis:KeyPrefix"] = host.Bot.KeyPrefix,
            ["Console:FirstAdmin:Username"] = "moi.them",
            ["Console:FirstAdmin:Password"] = "mat-khau-dau-tien",
        };
        await using var again = await ConsoleHost.StartAsync(redis, settings);
        Assert.Null(await again.Officers.FindByUsernameAsync("moi.them"));
    }

    [Fact]
    public async Task Cli_admin_create_prints_a_generated_password_once_and_refuses_a_taken_username()
    {
        await using var host = await ConsoleHost.StartAsync(redis);

        var first = await RunCliAsync(host.Bot.KeyPrefix, "admin", "create", "--username", "Van.Hanh", "--name", "Vận hành");
        Assert.True(first.ExitCode == 0, first.Error);
        var password = first.Output.Trim();
        Assert.True(password.Length >= OfficerPasswordPolicy.MinLength, $"printed '{password}'");

        using var browser = host.Browser();
        await browser.SignInOrFailAsync("van.hanh", password);
        var me = await browser.MeAsync();
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("Vận hành", me.GetProperty("name").GetString());

        var again = await RunCliAsync(host.Bot.KeyPrefix, "admin", "create", "--username", "VAN.HANH", "--password", "mot-mat-khau-khac");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already", again.Error, StringComparison.Ordinal);
        Assert.Equal("", again.Output.Trim());

        var given = await RunCliAsync(host.Bot.KeyPrefix, "admin", "create", "--username", "tu.dat", "--password", "mat-khau-tu-dat");
        Assert.Equal(0, given.ExitCode);
        Assert.Equal("", given.Output.Trim()); // a password the operator chose is not echoed
        using var other = host.Browser();
        using var signIn = await other.SignInAsync("tu.dat", "mat-khau-tu-dat");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var tooShort = await RunCliAsync(host.Bot.KeyPrefix, "admin", "create", "--username", "ngan", "--password", "123");
        Assert.Equal(2, tooShort.ExitCode);

        var audit = await host.Audit.QueryAsync(new AuditQuery { Action = "officer.create" });
        Assert.Contains(audit, r => r.Entry.ActorId.StartsWith("cli:", StringComparison.Ordinal) && r.Entry.Outcome == AuditOutcome.Allowed);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunCliAsync(string prefix, params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "Campaign.Cli", "bin", BuildConfiguration, "net10.0", "campaign-cli.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first");
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        info.Environment["Redis__KeyPrefix"] = prefix;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
