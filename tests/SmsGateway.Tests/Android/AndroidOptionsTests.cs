using Campaign.TestSupport;
using Campaign.Core.Delivery;
using SmsGateway.Android;

namespace SmsGateway.Tests.Android;

/// <summary>Start-up refuses an Android configuration that cannot work, naming the setting to fix.</summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidOptionsTests(RedisServer redis)
{
    private static readonly Dictionary<string, (string Setting, string Value, string Message)> Table = new()
    {
        ["no BaseUrl"] = ("AndroidGateway:BaseUrl", "", "AndroidGateway:BaseUrl is required when Sms:Provider is android"),
        ["BaseUrl not http(s)"] = ("AndroidGateway:BaseUrl", "ftp://192.168.1.20:8080", "AndroidGateway:BaseUrl must be an absolute http:// or https:// address"),
        ["no Username"] = ("AndroidGateway:Username", "", "AndroidGateway:Username is required when Sms:Provider is android"),
        ["no Password"] = ("AndroidGateway:Password", "", "AndroidGateway:Password is required when Sms:Provider is android"),
        ["no SigningKey"] = ("AndroidGateway:SigningKey", "", "AndroidGateway:SigningKey is required when Sms:Provider is android"),
        ["MessagesPerMinute zero"] = ("AndroidGateway:MessagesPerMinute", "0", "AndroidGateway:MessagesPerMinute must be between 1 and 6000"),
        ["SimNumber 4"] = ("AndroidGateway:SimNumber", "4", "AndroidGateway:SimNumber must be 1, 2 or 3"),
        ["RequestTimeout zero"] = ("AndroidGateway:RequestTimeout", "00:00:00", "AndroidGateway:RequestTimeout must be more than zero"),
        ["WebhookTolerance zero"] = ("AndroidGateway:WebhookTolerance", "00:00:00", "AndroidGateway:WebhookTolerance must be more than zero"),
    };

    public static TheoryData<string> Names => FixtureTable.Names(Table);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Start_up_names_the_bad_setting(string name)
    {
        var (setting, value, message) = Table[name];

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var android = await AndroidHarness.StartAsync(redis, new Dictionary<string, string?> { [setting] = value });
        });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_pace_the_sim_at_ten_a_minute()
    {
        await using var android = await AndroidHarness.StartAsync(redis, new Dictionary<string, string?> { ["AndroidGateway:MessagesPerMinute"] = null });

        var options = android.Host.Get<AndroidGatewayOptions>();
        Assert.Equal((10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), (int?)null),
            (options.MessagesPerMinute, options.RequestTimeout, options.WebhookTolerance, options.SimNumber));
        Assert.Equal(10, android.Host.Get<SendPace>().MessagesPerMinute);
    }
}
