using System.Buffers;
using System.Text;

namespace Campaign.Core.Fanout;

/// <summary>
/// A work item of an occurrence: up to <see cref="FanoutOptions.ChunkSize"/> subscriber ids on one
/// channel, for one message (one drip step). Stored as a few bytes per recipient (sorted ids as
/// varint deltas) so a million recipients are a few megabytes of stream, not a million entries.
/// </summary>
/// <param name="OccurrenceId">The occurrence it belongs to.</param>
/// <param name="Number">Its number within the occurrence: the key of its progress (<c>c:{n}</c>), stable when it is deferred.</param>
/// <param name="Step">The drip step index, or -1 for a campaign's own message.</param>
/// <param name="Attempt">0 for the first try; 1+ for a retry chunk (recipients already claimed, sent again after a retryable failure).</param>
/// <param name="DeferCounted">True once its recipients were counted as deferred, so a second quiet night does not count them again.</param>
/// <param name="Ids">Subscriber ids, ascending.</param>
public sealed record RecipientChunk(string OccurrenceId, long Number, int Step, int Attempt, bool DeferCounted, long[] Ids)
{
    private const byte Version = 1;

    public bool IsRetry => Attempt > 0;

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(16 + OccurrenceId.Length + Ids.Length * 3);
        buffer.Write([Version, (byte)(DeferCounted ? 1 : 0)]);
        WriteVarint(buffer, (ulong)Number);
        WriteVarint(buffer, (ulong)(Step + 1));
        WriteVarint(buffer, (ulong)Attempt);
        var occurrence = Encoding.UTF8.GetBytes(OccurrenceId);
        WriteVarint(buffer, (ulong)occurrence.Length);
        buffer.Write(occurrence);
        WriteVarint(buffer, (ulong)Ids.Length);
        long previous = 0;
        foreach (var id in Ids)
        {
            WriteVarint(buffer, (ulong)(id - previous));
            previous = id;
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static RecipientChunk Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2 || bytes[0] != Version)
        {
            throw new FormatException("not a recipient chunk (unknown version)");
        }
        var deferCounted = bytes[1] == 1;
        var position = 2;
        var number = (long)ReadVarint(bytes, ref position);
        var step = (int)ReadVarint(bytes, ref position) - 1;
        var attempt = (int)ReadVarint(bytes, ref position);
        var length = (int)ReadVarint(bytes, ref position);
        var occurrence = Encoding.UTF8.GetString(bytes.Slice(position, length));
        position += length;
        var ids = new long[(int)ReadVarint(bytes, ref position)];
        long previous = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            previous += (long)ReadVarint(bytes, ref position);
            ids[i] = previous;
        }
        return new RecipientChunk(occurrence, number, step, attempt, deferCounted, ids);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var n = 0;
        while (value >= 0x80)
        {
            bytes[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[n++] = (byte)value;
        buffer.Write(bytes[..n]);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new FormatException("varint too long");
    }
}
