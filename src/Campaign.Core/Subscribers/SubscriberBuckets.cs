namespace Campaign.Core.Subscribers;

/// <summary>
/// Subscriber ids are dense, so records are grouped 128 to a Redis hash: bucket = id >> 7, field =
/// id &amp; 127. 128 is Redis's default hash-max-listpack-entries, so a full bucket stays a listpack
/// (a few bytes of overhead per record instead of ~100 for a hash of its own).
/// </summary>
public static class SubscriberBuckets
{
    public const int Size = 128;
    private const int Shift = 7;

    public static long BucketOf(long id) => id >> Shift;

    public static int SlotOf(long id) => (int)(id & (Size - 1));

    public static long IdOf(long bucket, long slot) => (bucket << Shift) | slot;
}
