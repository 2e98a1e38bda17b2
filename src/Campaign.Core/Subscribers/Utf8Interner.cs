using System.Collections.Concurrent;
using System.Text;

namespace Campaign.Core.Subscribers;

/// <summary>
/// One string instance per distinct short value (area codes, languages): a scan of a million records
/// names a few hundred areas, so it allocates a few hundred strings, not a million.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxLength = 128;
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private int _count;

    public Utf8Interner(int capacity = 100_000)
    {
        _capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "";
        }
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        Span<char> buffer = stackalloc char[MaxLength];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }
        var value = new string(chars);
        // Bounded, so a layout full of unique values degrades to plain allocation rather than a leak.
        if (Volatile.Read(ref _count) < _capacity && _strings.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
        }
        return value;
    }
}
