using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Officers;

namespace Campaign.Core.Tests.Officers;

public sealed class ApiKeysTests
{
    [Fact]
    public void A_new_key_is_the_prefix_and_32_random_bytes_in_base64url()
    {
        var key = ApiKeys.Generate();

        Assert.StartsWith("cmp_", key.Secret, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.Length, key.Secret.Length);
        Assert.Equal(32, Convert.FromBase64String(ToBase64(key.Secret[4..])).Length);
        Assert.True(ApiKeys.IsWellFormed(key.Secret));
    }

    [Fact]
    public void The_stored_hash_is_the_sha256_of_the_whole_key_and_the_key_id_its_public_start()
    {
        var key = ApiKeys.Generate();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Secret))), key.Hash);
        Assert.Equal(key.Secret[..12], key.KeyId);
        Assert.DoesNotContain(key.Secret, key.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_do_not_repeat()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeys.Generate()).ToArray();
        Assert.Equal(keys.Length, keys.Select(k => k.Secret).Distinct().Count());
        Assert.Equal(keys.Length, keys.Select(k => k.KeyId).Distinct().Count());
    }

    [Fact]
    public void Printing_a_new_key_shows_its_id_not_its_secret()
    {
        var key = ApiKeys.Generate();
        Assert.Equal(key.KeyId, key.ToString());
        Assert.DoesNotContain(key.Secret, $"{key}", StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> NotKeys => new()
    {
        { "nothing", null },
        { "empty", "" },
        { "no prefix", "xyz_" + new string('A', 43) },
        { "upper-case prefix", "CMP_" + new string('A', 43) },
        { "one character short", "cmp_" + new string('A', 42) },
        { "one character long", "cmp_" + new string('A', 44) },
        { "standard base64 '+'", "cmp_" + new string('A', 42) + "+" },
        { "padding", "cmp_" + new string('A', 42) + "=" },
        { "a space inside", "cmp_" + new string('A', 21) + " " + new string('A', 21) },
        { "a JWT", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" },
    };

    [Theory]
    [MemberData(nameof(NotKeys))]
    public void Text_not_shaped_like_a_key_is_malformed(string name, string? candidate)
    {
        Assert.False(ApiKeys.IsWellFormed(candidate), name);
    }

    private static string ToBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
