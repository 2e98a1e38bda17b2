using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>POST /api/admin/subscribers/import through CampaignBot as shipped: line numbers, scope, consent, refusals, audit.</summary>
[Collection(UsesRedis.Name)]
public sealed partial class SubscriberImportTests(RedisServer redis) : IAsyncLifetime
{
    private const string Import = "api/admin/subscribers/import";
    private AdminApiHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SubscriberStore Subscribers => _host.Bot.Get<SubscriberStore>();

    [Fact]
    public async Task Valid_rows_are_imported_and_each_invalid_row_is_reported_by_its_physical_line()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var csv = string.Join('\n',
            "phone,area,name,topics",                                    // 1
            "0912345001,D0101,Nguyễn Văn An,chinh-quyen;kinh-te",        // 2 created
            "+84 91 234 5002,d010101,,",                                 // 3 created: any format, a hamlet inside D0101, code in any case
            "0912345001,D0101,,",                                        // 4 duplicate of line 2
            "12345,D0101,,",                                             // 5 not a phone number
            "02438251234,D0101,,",                                       // 6 a Hà Nội landline
            "0912345003,D0102,,",                                        // 7 the neighbouring commune
            "0912345004,Z99,,",                                          // 8 no such area
            "0912345005,D0101,,an-ninh",                                 // 9 no such theme
            "",                                                          // 10 empty: skipped
            "\"0912345006\",\"D0101\",\"Trần \"\"Ba\"\"\",",             // 11 created: quoted, with escaped quotes
            "0912345007,D0101,\"Lê",                                     // 12 created: a name over two lines
            "Thị\",xa-hoi",                                              // 13
            "0912345008,,,",                                             // 14 no area
            "0912345009,D0101,a,b,c",                                    // 15 a stray separator
            "");

        using var response = await _host.SendCsvAsync(Import, key, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await AdminApiHost.JsonAsync(response);
        Assert.Equal((12, 4, 0, 0, 0, 8), (Int(report, "rows"), Int(report, "created"), Int(report, "subscribed"), Int(report, "updated"), Int(report, "keptOptedOut"), Int(report, "invalidCount")));
        var invalid = report.GetProperty("invalid").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("error").GetString()!);
        Assert.Equal([4, 5, 6, 7, 8, 9, 14, 15], invalid.Keys);
        Assert.Equal("duplicate: the same phone number as line 2", invalid[4]);
        Assert.Contains("too short", invalid[5], StringComparison.Ordinal);
        Assert.Equal("phone: not a mobile number; SMS reaches mobile numbers only", invalid[6]);
        Assert.Equal("area: 'D0102' is outside your areas (D0101)", invalid[7]);
        Assert.Equal("area: 'Z99' is not a known area code (content/areas.yaml)", invalid[8]);
        Assert.StartsWith("topics: 'an-ninh' is not a theme id", invalid[9], StringComparison.Ordinal);
        Assert.StartsWith("area: empty", invalid[14], StringComparison.Ordinal);
        Assert.StartsWith("5 values where the header has 4", invalid[15], StringComparison.Ordinal);
        Assert.Contains("topics: 'b' is not a theme id", invalid[15], StringComparison.Ordinal);
        Assert.Equal(0, Int(report, "invalidNotListed"));

        var importId = report.GetProperty("importId").GetString()!;
        foreach (var (number, area) in new[] { ("+84912345001", "D0101"), ("+84912345002", "D010101"), ("+84912345006", "D0101"), ("+84912345007", "D0101") })
        {
            var subscriber = await Subscribers.FindAsync(Channel.Sms, number);
            Assert.NotNull(subscriber);
            Assert.Equal((SubscriberStatus.Subscribed, area, "import", $"{importId} by {officer.Id}"),
                (subscriber.Status, subscriber.AreaCode, subscriber.Consent?.Via, subscriber.Consent?.Evidence));
        }
        foreach (var refused in new[] { "+84912345003", "+84912345004", "+84912345005", "+84912345008", "+84912345009" })
        {
            Assert.Null(await Subscribers.FindAsync(Channel.Sms, refused));
        }
    }

    [Fact]
    public async Task Known_residents_are_subscribed_or_updated_and_one_who_said_stop_stays_opted_out()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var now = DateTimeOffset.UtcNow;
        var (stopped, _) = await Subscribers.TouchAsync(Channel.Sms, "+84912345020", now);
        await Subscribers.SubscribeAsync(stopped, new Consent(now, "sms:DK", "m1"), "D0101");
        await Subscribers.OptOutAsync(stopped, new Consent(now, "sms:HUY", "m2"));
        await Subscribers.TouchAsync(Channel.Sms, "+84912345021", now);
        var (subscribed, _) = await Subscribers.TouchAsync(Channel.Sms, "+84912345022", now);
        await Subscribers.SubscribeAsync(subscribed, new Consent(now, "sms:DK", "m3"), "D0101");

        // Excel in Vietnamese writes ';' between columns; topics then use ','.
        using var response = await _host.SendCsvAsync(Import, key, "phone;area;topics\r\n0912345020;D010101;\r\n0912345021;D010101;chinh-quyen,kinh-te\r\n0912345022;D010101;\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await AdminApiHost.JsonAsync(response);
        Assert.Equal((3, 0, 1, 1, 1, 0), (Int(report, "rows"), Int(report, "created"), Int(report, "subscribed"), Int(report, "updated"), Int(report, "keptOptedOut"), Int(report, "invalidCount")));
        var kept = await Subscribers.FindAsync(Channel.Sms, "+84912345020");
        Assert.Equal((SubscriberStatus.OptedOut, "sms:HUY"), (kept!.Status, kept.Consent?.Via));
        Assert.Equal(SubscriberStatus.Subscribed, (await Subscribers.FindAsync(Channel.Sms, "+84912345021"))!.Status);
        Assert.Equal("D010101", (await Subscribers.FindAsync(Channel.Sms, "+84912345022"))!.AreaCode);
    }

    [Fact]
    public async Task Extra_columns_are_ignored_and_named_in_the_answer()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendCsvAsync(Import, key, "\uFEFFSTT, Phone ,Area,Ghi chu\n1,0912345040,D0101,\n");

        var report = await AdminApiHost.JsonAsync(response);
        Assert.Equal((1, 0), (Int(report, "created"), Int(report, "invalidCount")));
        Assert.Equal(["STT", "Ghi chu"], report.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
    }

    public static TheoryData<string, string, int, int?, string?, string> MalformedFiles => new()
    {
        { "a stray quote", "phone,area\n0912345030,D0101\n0912345031,D01\"01\n", 3, 2, "area", "a quote inside an unquoted value" },
        { "text after a closing quote", "phone,area\n0912345030,D0101\n\"0912345031\"x,D0101\n", 3, 1, "phone", "text after the closing quote" },
        { "a quote never closed", "phone,area\n0912345030,D0101\n0912345031,\"D0101\n0912345032,D0101\n", 3, 2, "area", "never closed" },
        { "no area column", "phone,name\n0912345030,An\n", 1, null, "area", "the header has no 'area' column" },
        { "a column named twice", "phone,area,Phone\n0912345030,D0101,0912345031\n", 1, 3, "phone", "is already column 1" },
        { "an empty file", "", 1, null, null, "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_a_400_naming_line_and_column_and_nothing_is_imported(string name, string csv, int line, int? column, string? columnName, string message)
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendCsvAsync(Import, key, csv);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await AdminApiHost.JsonAsync(response);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Equal(column, problem.GetProperty("column").ValueKind == JsonValueKind.Null ? null : problem.GetProperty("column").GetInt32());
        Assert.Equal(columnName, problem.GetProperty("columnName").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(message, detail, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}", detail, StringComparison.Ordinal);
        Assert.Null(await Subscribers.FindAsync(Channel.Sms, "+84912345030"));
        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "subscriber.import"))).Single().Entry;
        Assert.Equal((AuditOutcome.Failed, "malformed_csv", line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (entry.Outcome, entry.Details?["reason"], entry.Details?["line"]));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_a_400_naming_the_line()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        // "Nguyễn" as Windows-1258 would write it, not UTF-8.
        var body = Encoding.ASCII.GetBytes("phone,area,name\n0912345050,D0101,An\n0912345051,D0101,Nguy").Concat(new byte[] { 0xD2, 0x6E, (byte)'\n' }).ToArray();

        using var response = await _host.SendBytesAsync(HttpMethod.Post, Import, key, body, "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AdminApiHost.JsonAsync(response);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Subscribers.FindAsync(Channel.Sms, "+84912345050"));
    }

    [Fact]
    public async Task A_body_that_is_not_csv_is_a_415()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendCsvAsync(Import, key, """{ "phone": "0912345060" }""", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_over_the_server_wide_cap_is_read_and_a_long_list_of_refusals_is_cut_at_1000()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var csv = new StringBuilder("phone,area\n");
        while (csv.Length < 300 * 1024)
        {
            csv.Append("0912345678,Z99\n");
        }
        var rows = (csv.Length - "phone,area\n".Length) / "0912345678,Z99\n".Length;

        using var response = await _host.SendCsvAsync(Import, key, csv.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await AdminApiHost.JsonAsync(response);
        Assert.Equal((rows, rows, 1000, rows - 1000), (Int(report, "rows"), Int(report, "invalidCount"), report.GetProperty("invalid").GetArrayLength(), Int(report, "invalidNotListed")));
        Assert.Equal(1001, report.GetProperty("invalid")[999].GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_over_the_import_cap_is_a_413(bool chunked)
    {
        await using var small = await AdminApiHost.StartAsync(redis, new Dictionary<string, string?> { ["AdminApi:MaxImportBytes"] = "65536" });
        var (officer, key) = await small.AddAsync(OfficerRole.Officer, "D0101");
        var csv = "phone,area\n" + string.Concat(Enumerable.Repeat("0912345678,D0101\n", 70 * 1024 / 17));

        using var response = await small.SendCsvAsync(Import, key, csv, chunked: chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("65536 bytes", (await AdminApiHost.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await small.Bot.Get<SubscriberStore>().FindAsync(Channel.Sms, "+84912345678"));
        var entry = (await small.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "subscriber.import"))).Single().Entry;
        Assert.Equal((AuditOutcome.Failed, "too_large"), (entry.Outcome, entry.Details?["reason"]));
    }

    [Fact]
    public async Task The_import_is_audited_with_counts_and_no_phone_numbers()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendCsvAsync(Import, key, "phone,area\n0912345070,D0101\n0912345071,D0102\n");

        var importId = (await AdminApiHost.JsonAsync(response)).GetProperty("importId").GetString();
        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "subscriber.import"))).Single().Entry;
        Assert.Equal((AuditOutcome.Allowed, "import:" + importId), (entry.Outcome, entry.Target));
        Assert.Equal(new Dictionary<string, string> { ["rows"] = "2", ["created"] = "1", ["subscribed"] = "0", ["updated"] = "0", ["keptOptedOut"] = "0", ["invalid"] = "1" }, entry.Details);
        Assert.DoesNotMatch(PhoneDigits(), string.Join(" ", entry.Details!.Values));
    }

    [Fact]
    public async Task Without_a_key_the_import_is_a_401()
    {
        using var response = await _host.SendCsvAsync(Import, key: null, "phone,area\n0912345080,D0101\n");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Subscribers.FindAsync(Channel.Sms, "+84912345080"));
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex PhoneDigits();
}
