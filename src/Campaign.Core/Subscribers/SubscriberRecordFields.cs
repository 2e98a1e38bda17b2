using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>
/// A packed <see cref="SubscriberRecord"/> read in place: the fields are slices of the UTF-8 bytes
/// Redis returned, so scanning a million records allocates only what the caller keeps.
/// </summary>
public readonly ref struct SubscriberRecordFields
{
    public SubscriberStatus Status { get; private init; }
    public Channel Channel { get; private init; }

    /// <summary>Empty when the area is not known.</summary>
    public ReadOnlySpan<byte> AreaCode { get; private init; }

    /// <summary>Empty means "vi".</summary>
    public ReadOnlySpan<byte> Language { get; private init; }

    /// <summary>Comma-joined theme codes (see <c>sub:themes</c>), empty for every theme.</summary>
    public ReadOnlySpan<byte> ThemeCodes { get; private init; }

    /// <summary>Unix seconds, or null when unknown.</summary>
    public long? CreatedAt { get; private init; }

    public long? LastInboundAt { get; private init; }

    public long? ConsentAt { get; private init; }

    public ReadOnlySpan<byte> Address { get; private init; }

    /// <summary>Splits at the first eight '|' (the address, last, may hold more); false when the record is malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SubscriberRecordFields fields)
    {
        fields = default;
        Span<Range> parts = stackalloc Range[SubscriberRecord.FieldCount];
        var start = 0;
        for (var i = 0; i < SubscriberRecord.FieldCount - 1; i++)
        {
            var bar = utf8[start..].IndexOf((byte)'|');
            if (bar < 0)
            {
                return false;
            }
            parts[i] = start..(start + bar);
            start += bar + 1;
        }
        parts[^1] = start..utf8.Length;

        var status = utf8[parts[0]];
        var channel = utf8[parts[1]];
        if (status.Length != 1 || !SubscriberStatusExtensions.TryParseCode((char)status[0], out var parsedStatus)
            || channel.Length != 1 || !ChannelExtensions.TryParseCode((char)channel[0], out var parsedChannel)
            || !TryTime(utf8[parts[5]], out var created) || !TryTime(utf8[parts[6]], out var lastIn) || !TryTime(utf8[parts[7]], out var consentAt))
        {
            return false;
        }
        fields = new SubscriberRecordFields
        {
            Status = parsedStatus,
            Channel = parsedChannel,
            AreaCode = utf8[parts[2]],
            Language = utf8[parts[3]],
            ThemeCodes = utf8[parts[4]],
            CreatedAt = created,
            LastInboundAt = lastIn,
            ConsentAt = consentAt,
            Address = utf8[parts[8]],
        };
        return true;
    }

    private static bool TryTime(ReadOnlySpan<byte> field, out long? unixSeconds)
    {
        unixSeconds = null;
        if (field.IsEmpty)
        {
            return true;
        }
        if (!Base36.TryDecode(field, out var value))
        {
            return false;
        }
        unixSeconds = value;
        return true;
    }
}
