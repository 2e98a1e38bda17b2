using System.Text;
using CampaignBot.Channels.Messenger;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary><see cref="HubSignature"/> against the self-computed vector of protocols.md §3 (no official one exists) and the independent test signer.</summary>
public sealed class MessengerSignatureTests
{
    // Self-computed (HMAC-SHA256 by openssl and by .NET), NOT an official Meta vector.
    private const string VectorSecret = "test_app_secret";
    private const string VectorBody = """{"object":"page","entry":[]}""";
    private const string VectorSignature = "sha256=5da47c9c7409e70d7a1851f0cfd9bc27786bd99587a9bf1dd5b51e23a2de03cf";

    [Fact]
    public void The_vector_is_computed_and_accepted()
    {
        var signature = new HubSignature(VectorSecret);
        var body = Encoding.UTF8.GetBytes(VectorBody);

        Assert.Equal(VectorSignature, signature.Compute(body));
        Assert.Equal(VectorSignature, MessengerTestSigner.Sign(VectorSecret, body));
        Assert.True(signature.IsValid(body, VectorSignature));
    }

    /// <summary>name; the header as sent; whether it signs the vector body.</summary>
    public static TheoryData<string, string?, bool> Headers() => new()
    {
        { "as Meta sends it", VectorSignature, true },
        { "hex in upper case", "sha256=" + VectorSignature[7..].ToUpperInvariant(), true },
        { "scheme in upper case", "SHA256=" + VectorSignature[7..], true },
        { "surrounding spaces in the hex", "sha256= " + VectorSignature[7..] + " ", true },
        { "absent", null, false },
        { "empty", "", false },
        { "scheme only", "sha256=", false },
        { "no scheme", VectorSignature[7..], false },
        { "the sha1 scheme", "sha1=" + VectorSignature[7..], false },
        { "one digit changed", VectorSignature[..^1] + "0", false },
        { "one digit short", VectorSignature[..^1], false },
        { "one digit too many", VectorSignature + "0", false },
        { "not hex", "sha256=" + new string('g', 64), false },
        { "base64 instead of hex", "sha256=XaR8nHQJ5woadRhR8M+9J3htm9lXh6m/HdW1HiOi3s8=", false },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Header(string name, string? header, bool valid)
    {
        var body = Encoding.UTF8.GetBytes(VectorBody);

        Assert.True(new HubSignature(VectorSecret).IsValid(body, header) == valid, $"[{name}] expected {(valid ? "valid" : "refused")}");
    }

    /// <summary>The raw bytes are what is signed: the same JSON re-serialized (unescaped, spaced) no longer matches.</summary>
    [Theory]
    [InlineData("""{"object":"page","entry":[{"messaging":[{"message":{"text":"H\u1ee7y"}}]}]}""", """{"object":"page","entry":[{"messaging":[{"message":{"text":"Hủy"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[]}""", """{"object": "page", "entry": []}""")]
    public void The_bytes_as_received_are_signed(string sent, string reserialized)
    {
        var signature = new HubSignature(VectorSecret);
        var header = MessengerTestSigner.Sign(VectorSecret, Encoding.UTF8.GetBytes(sent));

        Assert.True(signature.IsValid(Encoding.UTF8.GetBytes(sent), header));
        Assert.False(signature.IsValid(Encoding.UTF8.GetBytes(reserialized), header));
    }

    [Fact]
    public void Another_secret_does_not_match()
    {
        var body = Encoding.UTF8.GetBytes(VectorBody);

        Assert.False(new HubSignature("another_app_secret").IsValid(body, VectorSignature));
        Assert.True(new HubSignature("another_app_secret").IsValid(body, MessengerTestSigner.Sign("another_app_secret", body)));
    }
}
