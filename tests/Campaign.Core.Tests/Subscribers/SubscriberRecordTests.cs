using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;

namespace Campaign.Core.Tests.Subscribers;

/// <summary>The packed record format is a contract with Lua planners: exact strings, and round trips.</summary>
public sealed class SubscriberRecordTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Packs_to_the_documented_format()
    {
        var record = new SubscriberRecord
        {
            Status = SubscriberStatus.Subscribed,
            Channel = Channel.Sms,
            AreaCode = "D0101",
            ThemeCodes = ["1", "a"],
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
            ConsentAt = DateTimeOffset.FromUnixTimeSeconds(36),
            Address = "+84912345678",
        };
        Assert.Equal("s|s|D0101||1,a|tro8w0||10|+84912345678", record.Pack());
    }

    public static TheoryData<string, SubscriberRecord> RoundTrips => new()
    {
        {
            "every field",
            new SubscriberRecord
            {
                Status = SubscriberStatus.OptedOut, Channel = Channel.Zalo, AreaCode = "D010101", Language = "en", ThemeCodes = ["1", "2", "z"],
                CreatedAt = Monday, LastInboundAt = Monday.AddDays(3), ConsentAt = Monday.AddHours(1), Address = "1234567890123456789",
            }
        },
        {
            "only what a new contact has",
            new SubscriberRecord { Status = SubscriberStatus.Contact, Channel = Channel.Messenger, Address = "psid-1" }
        },
        {
            "an address full of separators",
            new SubscriberRecord { Status = SubscriberStatus.Subscribed, Channel = Channel.BotFramework, CreatedAt = Monday, Address = "a:1|b||c|" }
        },
        {
            "an empty address",
            new SubscriberRecord { Status = SubscriberStatus.Contact, Channel = Channel.WebChat, Address = "" }
        },
        {
            "a Vietnamese address",
            new SubscriberRecord { Status = SubscriberStatus.Subscribed, Channel = Channel.WebChat, AreaCode = "79", Address = "phiên-Đông|1" }
        },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Round_trips(string name, SubscriberRecord record)
    {
        _ = name;
        var packed = record.Pack();
        Assert.Equal(record, SubscriberRecord.Parse(packed));
        Assert.Equal(record, SubscriberRecord.Parse(Encoding.UTF8.GetBytes(packed)));
    }

    [Fact]
    public void The_span_reader_sees_the_same_fields()
    {
        var packed = Encoding.UTF8.GetBytes("s|m|D0102|en|3|a|b|c|x|y");
        Assert.True(SubscriberRecordFields.TryParse(packed, out var f));
        Assert.Equal(SubscriberStatus.Subscribed, f.Status);
        Assert.Equal(Channel.Messenger, f.Channel);
        Assert.Equal("D0102", Encoding.UTF8.GetString(f.AreaCode));
        Assert.Equal("en", Encoding.UTF8.GetString(f.Language));
        Assert.Equal("3", Encoding.UTF8.GetString(f.ThemeCodes));
        Assert.Equal((10L, 11L, 12L), (f.CreatedAt, f.LastInboundAt, f.ConsentAt));
        Assert.Equal("x|y", Encoding.UTF8.GetString(f.Address));
    }

    [Fact]
    public void Times_are_kept_to_the_second()
    {
        var at = Monday.AddMilliseconds(999);
        var record = new SubscriberRecord { Status = SubscriberStatus.Contact, Channel = Channel.Sms, LastInboundAt = at, Address = "+84900000000" };
        Assert.Equal(Monday, SubscriberRecord.Parse(record.Pack()).LastInboundAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s|s|D01||||||")] // the shortest valid record: eight separators, empty address
    [InlineData("s|s|D01|||||")] // seven separators
    [InlineData("x|s|D01||||||+84")] // unknown status
    [InlineData("s|q|D01||||||+84")] // unknown channel
    [InlineData("ss|s|D01||||||+84")] // status longer than one character
    [InlineData("s|s|D01|||!||+84")] // a time that is not base 36
    public void Rejects_malformed_records(string packed)
    {
        var valid = packed == "s|s|D01||||||";
        Assert.Equal(valid, SubscriberRecord.TryParse(Encoding.UTF8.GetBytes(packed), out _));
    }

    [Fact]
    public void Refuses_to_pack_fields_that_would_shift_the_others()
    {
        Assert.Throws<ArgumentException>(() => new SubscriberRecord { Status = SubscriberStatus.Contact, Channel = Channel.Sms, AreaCode = "D|1", Address = "" }.Pack());
        Assert.Throws<ArgumentException>(() => new SubscriberRecord { Status = SubscriberStatus.Contact, Channel = Channel.Sms, ThemeCodes = ["1,2"], Address = "" }.Pack());
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(35L, "z")]
    [InlineData(36L, "10")]
    [InlineData(1_800_000_000L, "tro8w0")]
    [InlineData(long.MaxValue, "1y2p0ij32e8e7")]
    public void Base36_round_trips(long value, string encoded)
    {
        Assert.Equal(encoded, Base36.Encode(value));
        Assert.True(Base36.TryDecode(Encoding.ASCII.GetBytes(encoded), out var decoded));
        Assert.Equal(value, decoded);
    }

    [Fact]
    public void Base36_refuses_overflow_and_other_characters()
    {
        Assert.False(Base36.TryDecode("1y2p0ij32e8e8"u8, out _));
        Assert.False(Base36.TryDecode("12-"u8, out _));
        Assert.True(Base36.TryDecode("TRO8W0"u8, out var upper));
        Assert.Equal(1_800_000_000L, upper);
    }

    [Fact]
    public void Every_channel_and_status_has_a_code_that_reads_back()
    {
        foreach (var channel in Enum.GetValues<Channel>())
        {
            Assert.True(ChannelExtensions.TryParseCode(channel.Code(), out var back));
            Assert.Equal(channel, back);
        }
        foreach (var status in Enum.GetValues<SubscriberStatus>())
        {
            Assert.True(SubscriberStatusExtensions.TryParseCode(status.Code(), out var back));
            Assert.Equal(status, back);
        }
    }
}
