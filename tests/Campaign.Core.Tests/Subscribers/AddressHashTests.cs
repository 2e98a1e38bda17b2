using Campaign.Core.Subscribers;

namespace Campaign.Core.Tests.Subscribers;

/// <summary>Address buckets must be the same in every process and version, or instances would not find residents.</summary>
public sealed class AddressHashTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)] // FNV-1a 32 reference values
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Is_fnv1a_32_modulo_the_bucket_count(string address, uint fnv)
    {
        Assert.Equal((int)(fnv % AddressHash.Buckets), AddressHash.Bucket(address));
    }

    [Fact]
    public void Hashes_the_utf8_bytes_of_long_and_non_ascii_addresses()
    {
        var longAddress = new string('đ', 300);
        Assert.InRange(AddressHash.Bucket(longAddress), 0, AddressHash.Buckets - 1);
        Assert.Equal(AddressHash.Bucket(longAddress), AddressHash.Bucket(new string('đ', 300)));
        Assert.NotEqual(AddressHash.Bucket("+84912345678"), AddressHash.Bucket("+84912345679"));
    }
}
