using System.Text;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Which of the <see cref="Buckets"/> address → id hashes of a channel holds an address: FNV-1a 32 of
/// its UTF-8 bytes, stable across processes and versions (string.GetHashCode is randomised per
/// process, so two instances would look in different buckets).
/// </summary>
public static class AddressHash
{
    /// <summary>
    /// 32,768 buckets: about 30 addresses each at a million subscribers, so every bucket stays a
    /// listpack (up to 128 entries) until about 3.5 million subscribers on one channel.
    /// </summary>
    public const int Buckets = 32768;

    public static int Bucket(string address)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        Span<byte> stack = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(address.Length);
        var bytes = max <= stack.Length ? stack[..Encoding.UTF8.GetBytes(address, stack)] : Encoding.UTF8.GetBytes(address);
        var hash = offsetBasis;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * prime);
        }
        return (int)(hash % Buckets);
    }
}
