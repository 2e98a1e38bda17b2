using System.Net;
using Campaign.Core.Delivery;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Android;

/// <summary>When the gateway cannot record an event, it answers 503 so the phone keeps it and retries.</summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidStorageDownTests(RedisServer redis)
{
    [Fact]
    public async Task Event_still_being_handled_elsewhere_is_answered_503()
    {
        await using var android = await AndroidHarness.StartAsync(redis);
        var envelope = Envelopes.Received("+84912000400", "DK");
        // Another instance has taken this event and not finished it.
        await android.Redis.StringSetAsync(android.Keys.InboundSeen("android", envelope["id"]!.GetValue<string>()), "pending", TimeSpan.FromMinutes(1));

        using var response = await android.PostAsync(envelope);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("being handled", await AndroidHarness.ReadAnswerAsync(response), StringComparison.Ordinal);
        Assert.Empty(android.Phone.Requests);
    }

    [Theory]
    [InlineData("sms:received")]
    [InlineData("sms:delivered")]
    public async Task Redis_lost_mid_run_is_answered_503(string eventName)
    {
        await using var tunnel = RedisTunnel.Open(redis.ConnectionString);
        await using var android = await AndroidHarness.StartAsync(redis, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = tunnel.ConnectionString,
            ["Delivery:Concurrency"] = "1",
        });
        // The one dispatch loop is past its start-up once it has sent something; only then is Redis cut
        // (a loop still starting when Redis goes away stops the whole host: a shared-code problem, reported).
        var first = await android.Host.Get<SmsSender>().EnqueueAsync("+84912000402", "xin chao", DeliveryKind.Operator);
        await android.WaitForStatusAsync(first.Id, DeliveryStatus.Sent);
        var envelope = eventName == "sms:received" ? Envelopes.Received("+84912000401", "DK") : Envelopes.Receipt(eventName, first.Id);
        await tunnel.CutAsync();

        using var response = await android.PostAsync(envelope);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("storage unavailable", await AndroidHarness.ReadAnswerAsync(response), StringComparison.Ordinal);
        Assert.False(android.Host.App.Lifetime.ApplicationStopping.IsCancellationRequested, "the gateway keeps running without Redis");
    }
}
