using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Turns the short theme codes of packed records back into theme ids, from a cached copy of
/// <c>sub:themes:rev</c> that is reloaded when a code it does not know appears (another instance's
/// import gave a new theme its code). Decoded combinations ("1,3") are cached too, so a scan does
/// one dictionary lookup per record.
/// </summary>
internal sealed class ThemeCodeCache(IConnectionMultiplexer redis, RedisKeys keys)
{
    private const int MaxCombinations = 4096;
    private const int MaxCodesLength = 256;
    private volatile Table _table = new([]);

    /// <summary>
    /// Decodes comma-joined codes. False when a code is unknown to the cached table (refresh, then
    /// call again with <paramref name="keepUnknown"/>: unknown codes are then kept as they are, which
    /// matches no theme id).
    /// </summary>
    public bool TryDecode(ReadOnlySpan<char> codes, bool keepUnknown, [NotNullWhen(true)] out IReadOnlyList<string>? ids)
    {
        if (codes.IsEmpty)
        {
            ids = [];
            return true;
        }
        var table = _table;
        if (table.Combinations.TryGetValue(codes, out var cached))
        {
            ids = cached;
            return true;
        }
        var decoded = new string[codes.Count(',') + 1];
        var i = 0;
        foreach (var range in codes.Split(','))
        {
            var code = codes[range];
            if (table.Ids.TryGetValue(code, out var id))
            {
                decoded[i++] = id;
            }
            else if (keepUnknown)
            {
                decoded[i++] = new string(code);
            }
            else
            {
                ids = null;
                return false;
            }
        }
        var result = Array.AsReadOnly(decoded);
        table.Remember(new string(codes), result);
        ids = result;
        return true;
    }

    /// <summary><see cref="TryDecode(ReadOnlySpan{char}, bool, out IReadOnlyList{string}?)"/> for the ASCII bytes of a record field.</summary>
    public bool TryDecode(ReadOnlySpan<byte> codes, bool keepUnknown, [NotNullWhen(true)] out IReadOnlyList<string>? ids)
    {
        if (codes.IsEmpty)
        {
            ids = [];
            return true;
        }
        if (codes.Length > MaxCodesLength)
        {
            return TryDecode(Encoding.UTF8.GetString(codes).AsSpan(), keepUnknown, out ids);
        }
        Span<char> buffer = stackalloc char[MaxCodesLength];
        return TryDecode(buffer[..Encoding.UTF8.GetChars(codes, buffer)], keepUnknown, out ids);
    }

    public async ValueTask<IReadOnlyList<string>> DecodeAsync(string codes)
    {
        if (TryDecode(codes.AsSpan(), keepUnknown: false, out var ids))
        {
            return ids;
        }
        await RefreshAsync();
        TryDecode(codes.AsSpan(), keepUnknown: true, out ids);
        return ids!;
    }

    public async Task RefreshAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(keys.SubscriberThemeIds);
        _table = new Table(entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal));
    }

    /// <summary>One snapshot of code → theme id, never changed once published, with its combinations.</summary>
    private sealed class Table
    {
        private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _combinations = new(StringComparer.Ordinal);
        private int _count;

        public Table(Dictionary<string, string> idsByCode)
        {
            Ids = idsByCode.GetAlternateLookup<ReadOnlySpan<char>>();
            Combinations = _combinations.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Ids { get; }

        public ConcurrentDictionary<string, IReadOnlyList<string>>.AlternateLookup<ReadOnlySpan<char>> Combinations { get; }

        public void Remember(string codes, ReadOnlyCollection<string> ids)
        {
            if (Volatile.Read(ref _count) < MaxCombinations && _combinations.TryAdd(codes, ids))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
