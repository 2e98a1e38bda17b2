using System.Text;
using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>
/// One subscriber packed into one string, the value of field <c>id &amp; 127</c> in the hash
/// <c>sub:r:{id >> 7}</c>. Short enough (under 64 bytes for SMS) that a bucket of 128 stays a Redis
/// listpack: this is what keeps a subscriber near 100 bytes of Redis instead of 500.
/// <para>
/// The format is a contract: planners parse it in Lua, so change it only together with them.
/// <code>{status}|{channel}|{area}|{lang}|{themes}|{created}|{lastIn}|{consentAt}|{address}</code>
/// <list type="bullet">
/// <item>status: <c>c</c> contact, <c>s</c> subscribed, <c>o</c> opted out (<see cref="SubscriberStatusExtensions.Code"/>).</item>
/// <item>channel: one character (<see cref="ChannelExtensions.Code"/>): <c>s</c> SMS, <c>z</c> Zalo,
/// <c>m</c> Messenger, <c>b</c> Bot Framework, <c>w</c> web chat.</item>
/// <item>area: area code, empty when unknown. lang: empty means "vi".</item>
/// <item>themes: comma-joined short theme codes (hash <c>sub:themes</c> id → code, <c>sub:themes:rev</c>
/// code → id), empty for every theme.</item>
/// <item>created, lastIn, consentAt: unix seconds in lowercase base 36 (Lua: <c>tonumber(x, 36)</c>),
/// empty when unknown. consentAt is when the current status was set with consent; for a subscriber,
/// the subscription time, which drip series count from.</item>
/// <item>address last, because it may contain '|': split at the first eight separators, the rest is the address.</item>
/// </list>
/// The consent's via and evidence live in <c>sub:c:{bucket}</c> (<c>{via}|{evidence}</c>), an imported
/// name in <c>sub:n:{bucket}</c>: most reads need neither, so they do not lengthen the record.
/// </para>
/// </summary>
public sealed record SubscriberRecord
{
    /// <summary>Fields in a packed record; the separators are one fewer.</summary>
    public const int FieldCount = 9;

    public required SubscriberStatus Status { get; init; }
    public required Channel Channel { get; init; }
    public string? AreaCode { get; init; }
    public string Language { get; init; } = "vi";

    /// <summary>Short theme codes, not theme ids; empty for every theme.</summary>
    public IReadOnlyList<string> ThemeCodes { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? LastInboundAt { get; init; }
    public DateTimeOffset? ConsentAt { get; init; }
    public required string Address { get; init; }

    public string Pack()
    {
        var area = AreaCode ?? "";
        var language = Language == "vi" ? "" : Language;
        if (area.Contains('|', StringComparison.Ordinal) || language.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("an area code or language cannot contain '|'");
        }
        foreach (var code in ThemeCodes)
        {
            if (code.Length == 0 || code.AsSpan().IndexOfAny(',', '|') >= 0)
            {
                throw new ArgumentException($"theme code '{code}' is empty or contains ',' or '|'");
            }
        }
        return string.Join('|',
            Status.Code(), Channel.Code(), area, language, string.Join(',', ThemeCodes),
            Time(CreatedAt), Time(LastInboundAt), Time(ConsentAt), Address);
    }

    public static SubscriberRecord Parse(string packed) => Parse(Encoding.UTF8.GetBytes(packed));

    public static SubscriberRecord Parse(ReadOnlySpan<byte> utf8) =>
        TryParse(utf8, out var record) ? record : throw new FormatException($"not a packed subscriber record: '{Encoding.UTF8.GetString(utf8)}'");

    public static bool TryParse(ReadOnlySpan<byte> utf8, out SubscriberRecord record)
    {
        if (!SubscriberRecordFields.TryParse(utf8, out var f))
        {
            record = null!;
            return false;
        }
        var themes = f.ThemeCodes.IsEmpty ? [] : Encoding.UTF8.GetString(f.ThemeCodes).Split(',');
        record = new SubscriberRecord
        {
            Status = f.Status,
            Channel = f.Channel,
            AreaCode = f.AreaCode.IsEmpty ? null : Encoding.UTF8.GetString(f.AreaCode),
            Language = f.Language.IsEmpty ? "vi" : Encoding.UTF8.GetString(f.Language),
            ThemeCodes = themes,
            CreatedAt = Time(f.CreatedAt),
            LastInboundAt = Time(f.LastInboundAt),
            ConsentAt = Time(f.ConsentAt),
            Address = Encoding.UTF8.GetString(f.Address),
        };
        return true;
    }

    /// <summary>A time as a record field: unix seconds (rounded down) in base 36, or empty.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? Base36.Encode(t.ToUnixTimeSeconds()) : "";

    public static DateTimeOffset? Time(long? unixSeconds) => unixSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    public bool Equals(SubscriberRecord? other) =>
        other is not null && Status == other.Status && Channel == other.Channel && AreaCode == other.AreaCode
        && Language == other.Language && ThemeCodes.SequenceEqual(other.ThemeCodes) && CreatedAt == other.CreatedAt
        && LastInboundAt == other.LastInboundAt && ConsentAt == other.ConsentAt && Address == other.Address;

    public override int GetHashCode() => HashCode.Combine(Status, Channel, AreaCode, Address, ConsentAt);
}
