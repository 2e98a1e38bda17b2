using Campaign.TestSupport;
using Microsoft.Extensions.Options;

namespace SmsGateway.Tests.Twilio;

/// <summary>With <c>Sms:Provider=twilio</c>, a missing or malformed Twilio setting stops start-up with a message naming it.</summary>
[Collection(UsesRedis.Name)]
public sealed class TwilioOptionsTests(RedisServer redis)
{
    /// <summary>name; settings changed from a valid set (null removes one); what the start-up error must say.</summary>
    public static TheoryData<string, string[], string> Broken() => new()
    {
        { "no AccountSid", ["Twilio:AccountSid="], "Twilio:AccountSid is required when Sms:Provider is twilio" },
        { "AccountSid not an account", ["Twilio:AccountSid=SK123"], "Twilio:AccountSid must be the account's SID, starting with AC" },
        { "no AuthToken", ["Twilio:AuthToken="], "Twilio:AuthToken is required when Sms:Provider is twilio" },
        { "neither From nor MessagingServiceSid", ["Twilio:From="], "Twilio:From or Twilio:MessagingServiceSid is required when Sms:Provider is twilio" },
        { "no PublicBaseUrl", ["Twilio:PublicBaseUrl="], "Twilio:PublicBaseUrl is required when Sms:Provider is twilio" },
        { "relative PublicBaseUrl", ["Twilio:PublicBaseUrl=sms.example.vn"], "Twilio:PublicBaseUrl must be an absolute http(s) URL" },
        { "PublicBaseUrl with a query", ["Twilio:PublicBaseUrl=https://sms.example.vn/?x=1"], "Twilio:PublicBaseUrl must be an absolute http(s) URL" },
        { "ApiBaseUrl not a URL", ["Twilio:ApiBaseUrl=api.twilio.com"], "Twilio:ApiBaseUrl must be an absolute http(s) URL" },
        { "zero RequestTimeout", ["Twilio:RequestTimeout=00:00:00"], "Twilio:RequestTimeout must be more than 0" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Start_up_names_the_setting(string name, string[] changes, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = redis.NewPrefix(),
            ["Content:Path"] = RepoPaths.Content,
            ["Sms:Provider"] = "twilio",
            ["Twilio:AccountSid"] = TwilioGateway.AccountSid,
            ["Twilio:AuthToken"] = TwilioGateway.AuthToken,
            ["Twilio:From"] = TwilioGateway.From,
            ["Twilio:PublicBaseUrl"] = TwilioGateway.PublicBaseUrl,
        };
        foreach (var change in changes)
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            settings[change[..equals]] = change[(equals + 1)..] is { Length: > 0 } value ? value : null;
        }
        var app = SmsGatewayApp.Create([.. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")]);
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.True(error.Failures.Any(f => f.Contains(message, StringComparison.Ordinal)), $"[{name}] got: {error.Message}");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
