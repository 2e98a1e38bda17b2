using System.Text;
using CampaignBot.Channels.Zalo;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>The X-ZEvent-Signature function on its own: the vector from protocols.md §4 and the test's independent signer.</summary>
public sealed class ZaloSignatureTests
{
    // Self-computed in protocols.md §4 (not an official vector; recomputed with Python's hashlib when this test was written).
    private const string VectorBody = """{"app_id":"123","event_name":"user_send_text","timestamp":"1699003881354"}""";
    private const string VectorHex = "157981e5c3336550bed5107d6f57eda159d7ea7b7e5bfa598e367cfa4da3fc45";

    [Fact]
    public void The_protocols_vector_computes()
    {
        Assert.Equal(VectorHex, ZaloSignature.Compute("123", Encoding.UTF8.GetBytes(VectorBody), "1699003881354", "test_oa_secret"));
    }

    /// <summary>name; header as received; valid.</summary>
    public static TheoryData<string, string?, bool> VectorHeaders() => new()
    {
        { "mac= prefix, as Zalo sends it", "mac=" + VectorHex, true },
        { "bare hex", VectorHex, true },
        { "upper-case hex", VectorHex.ToUpperInvariant(), true },
        { "MAC= prefix in capitals, spaces around", "  MAC=" + VectorHex + " ", true },
        { "one digit changed", "mac=" + VectorHex[..^1] + "4", false },
        { "cut short", "mac=" + VectorHex[..62], false },
        { "not hex", "mac=" + new string('z', 64), false },
        { "sha256= prefix (Messenger style)", "sha256=" + VectorHex, false },
        { "empty", "", false },
        { "absent", null, false },
    };

    [Theory]
    [MemberData(nameof(VectorHeaders))]
    public void Vector_header(string name, string? header, bool valid)
    {
        var signature = new ZaloSignature("123", "test_oa_secret");
        Assert.True(signature.IsValid(Encoding.UTF8.GetBytes(VectorBody), "1699003881354", header) == valid, name);
    }

    /// <summary>name; what differs from what Zalo signed. Every part of the formula counts.</summary>
    public static TheoryData<string, string> Differences() => new()
    {
        { "another OA secret key", "secret" },
        { "the app secret instead of the OA secret key", "app-secret" },
        { "another app id", "app" },
        { "another timestamp", "timestamp" },
        { "body changed after signing", "body" },
        { "body re-serialized with other spacing", "spacing" },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void A_difference_fails(string name, string difference)
    {
        var body = """{"app_id":"1234567890123456789","event_name":"user_send_text","message":{"text":"cho hỏi làm căn cước ở đâu ạ?","msg_id":"abc"},"timestamp":"1700000000000"}""";
        var header = ZaloTestSigner.Header("1234567890123456789", body, "1700000000000", "oa-secret");
        var (appId, secret, timestamp, received) = difference switch
        {
            "secret" => ("1234567890123456789", "other-oa-secret", "1700000000000", body),
            "app-secret" => ("1234567890123456789", "app-secret", "1700000000000", body),
            "app" => ("9999999999999999999", "oa-secret", "1700000000000", body),
            "timestamp" => ("1234567890123456789", "oa-secret", "1700000000001", body),
            "body" => ("1234567890123456789", "oa-secret", "1700000000000", body.Replace("căn cước", "hộ chiếu", StringComparison.Ordinal)),
            "spacing" => ("1234567890123456789", "oa-secret", "1700000000000", body.Replace("\":\"", "\": \"", StringComparison.Ordinal)),
            _ => throw new ArgumentException(difference),
        };

        Assert.True(new ZaloSignature("1234567890123456789", "oa-secret").IsValid(Encoding.UTF8.GetBytes(body), "1700000000000", header), $"[{name}] the original must verify");
        Assert.False(new ZaloSignature(appId, secret).IsValid(Encoding.UTF8.GetBytes(received), timestamp, header), name);
    }

    [Fact]
    public void The_independent_signer_agrees_on_Vietnamese_text()
    {
        var body = ZaloBot.TextEvent("6142494823000000001", "Xin chào, cho hỏi đăng ký VNeID mức 2 ở đâu? 🙏", "msg1", "1700000000123");

        var ours = ZaloSignature.Compute(ZaloBot.AppId, Encoding.UTF8.GetBytes(body), "1700000000123", ZaloBot.OaSecretKey);

        Assert.Equal(ZaloTestSigner.Hex(ZaloBot.AppId, body, "1700000000123", ZaloBot.OaSecretKey), ours);
        Assert.Matches("^[0-9a-f]{64}$", ours);
    }
}
