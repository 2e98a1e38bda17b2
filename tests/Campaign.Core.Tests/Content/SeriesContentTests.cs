using Campaign.Core.Content;
using Campaign.Core.Text;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Content;

/// <summary>
/// The shipped drip series loads and keeps its rules; a broken series file is refused with its file,
/// line and reason. Broken cases change one line of a small valid series written into a copy of the
/// real content.
/// </summary>
public sealed class SeriesContentTests : IDisposable
{
    private const string File = "series/thu-nghiem.yaml";

    // Line numbers matter: the cases below name them.
    private static readonly string[] ValidSeries =
    [
        "id: thu-nghiem",                                          // 1
        "title: Chuỗi thử",                                        // 2
        "description: Chuỗi tin dùng để thử trình đọc.",           // 3
        "sources: [Quyết định 749/QĐ-TTg]",                        // 4
        "steps:",                                                  // 5
        "  - offset_days: 0",                                      // 6
        "    topic: nong-thon-moi",                                // 7
        "    related_faq: ba-tru-cot",                             // 8
        "    chat: Chào anh chị. Nhắn MENU để xem các chủ đề.",    // 9
        "    sms: Chào bà con. Nhắn MENU để xem các chủ đề.",      // 10
        "  - offset_days: 2",                                      // 11
        "    topic: chinh-quyen",                                  // 12
        "    chat: Nộp hồ sơ tại dichvucong.gov.vn.",              // 13
        "    sms: Nộp hồ sơ tại dichvucong.gov.vn, hỏi {commune_office}.", // 14
    ];

    private readonly string _dir = RepoPaths.CopyOfContent();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Shipped_series_loads_and_keeps_its_rules()
    {
        var content = ContentLoader.Load(RepoPaths.Content);
        var series = content.FindSeries("ba-tru-cot");
        Assert.NotNull(series);
        Assert.Equal("series/ba-tru-cot.yaml", series.Location.File);
        Assert.InRange(series.Steps.Count, 5, 6);
        Assert.Equal(0, series.Steps[0].OffsetDays);
        Assert.All(series.Steps.Zip(series.Steps.Skip(1)), pair => Assert.True(pair.Second.OffsetDays > pair.First.OffsetDays));
        Assert.NotEmpty(series.Sources);
        // The three pillars, scam safety and the way out each have a step.
        Assert.Equal(
            ["nong-thon-moi", "chinh-quyen", "kinh-te", "xa-hoi", "an-toan", "dich-vu-tin-nhan"],
            series.Steps.Select(s => s.Topic));
        Assert.All(series.Steps, s => Assert.NotNull(content.FindTheme(s.Topic)));
        Assert.All(series.Steps, s => Assert.NotNull(content.FindFaq(s.RelatedFaq!)));
        Assert.All(series.Steps, s => Assert.InRange(s.Chat.Source.Length, 1, ContentLimits.ChatAnswerMaxCharacters));
        Assert.All(series.Steps, s =>
        {
            var longest = s.Sms.Render(name => new string('x', content.Placeholders[name].MaxLength));
            Assert.InRange(SmsPreview.For(longest).Unaccented.Segments, 1, ContentLimits.SeriesSmsMaxSegments);
        });
        // The first and the last message tell how to stop.
        Assert.Contains("HUY", series.Steps[0].Sms.Source, StringComparison.Ordinal);
        Assert.Contains("HUY", series.Steps[^1].Chat.Source, StringComparison.Ordinal);
        Assert.Contains("HUY", series.Steps[^1].Sms.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_without_a_series_folder_has_no_series()
    {
        Directory.Delete(Path.Combine(_dir, "series"), recursive: true);
        var content = ContentLoader.Load(_dir);
        Assert.Empty(content.Series);
        Assert.Null(content.FindSeries("ba-tru-cot"));
    }

    [Fact]
    public void A_valid_series_file_is_read_step_by_step()
    {
        Write(ValidSeries);
        var series = ContentLoader.Load(_dir).FindSeries("thu-nghiem");
        Assert.NotNull(series);
        Assert.Equal([0, 2], series.Steps.Select(s => s.OffsetDays));
        Assert.Equal("ba-tru-cot", series.Steps[0].RelatedFaq);
        Assert.Null(series.Steps[1].RelatedFaq);
        Assert.Equal(new ContentLocation(File, 11), series.Steps[1].Location);
        Assert.Equal(["commune_office"], series.Steps[1].Sms.Placeholders);
    }

    public static TheoryData<string, int, string?, int, string> BrokenSeries() => new()
    {
        // case name, line changed, its new text (null removes it), line reported, start of the message
        { "id differs from the file name", 1, "id: thu-nghiem-khac", 1, "id 'thu-nghiem-khac' does not match the file name" },
        { "title missing", 2, null, 1, "missing field 'title'" },
        { "sources missing", 4, null, 1, "missing field 'sources'" },
        { "first step not at day 0", 6, "  - offset_days: 1", 6, "the first step's 'offset_days' is 1; it must be 0" },
        { "offset not later than the one before", 11, "  - offset_days: 0", 11, "'steps[2].offset_days' is 0; it must be later than the step before (0)" },
        { "offset negative", 11, "  - offset_days: -2", 11, "'steps[2].offset_days' must be a whole number of days (0 or more), not '-2'" },
        { "offset in words", 11, "  - offset_days: hai", 11, "'steps[2].offset_days' must be a whole number of days" },
        { "unknown topic", 12, "    topic: khong-co", 12, "'steps[2].topic' is unknown theme 'khong-co'" },
        { "unknown related FAQ", 8, "    related_faq: khong-co", 8, "'steps[1].related_faq' names unknown FAQ id 'khong-co'" },
        { "sms missing", 14, null, 11, "missing field 'steps[2].sms'" },
        { "chat too long", 9, "    chat: " + new string('a', 601), 9, "'steps[1].chat' is 601 characters; the limit is 600" },
        { "sms over two segments", 10, "    sms: " + string.Join(' ', Enumerable.Repeat("Bà con vui lòng làm theo hướng dẫn.", 9)), 10, "'steps[1].sms' is" },
        { "sms over two segments with a placeholder at its longest", 10, "    sms: " + new string('a', 220) + " {commune_hotline}", 10, "'steps[1].sms' is 311 GSM-7 characters" },
        { "sms not GSM-7 once unaccented", 10, "    sms: Chúc bà con vui 😊", 10, "'steps[1].sms' is not plain GSM-7 once unaccented" },
        { "undeclared placeholder in chat", 13, "    chat: Gọi {so_xa}.", 13, "'steps[2].chat' uses unknown placeholder {so_xa}" },
        { "undeclared placeholder in sms", 14, "    sms: Gọi {so_xa}.", 14, "'steps[2].sms' uses unknown placeholder {so_xa}" },
        { "steps not a list", 5, "steps: 3", 1, "missing list 'steps'" },
    };

    [Theory]
    [MemberData(nameof(BrokenSeries))]
    public void Broken_series_is_refused_at_its_line(string name, int line, string? text, int reportedLine, string message)
    {
        var lines = ValidSeries.ToList();
        if (text is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = text;
        }
        if (name == "steps not a list")
        {
            lines.RemoveRange(5, lines.Count - 5);
        }
        Write(lines);

        var errors = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(_dir)).Errors;
        var error = errors.FirstOrDefault(e => e.File == File)
            ?? throw new Xunit.Sdk.XunitException($"{name}: expected an error in {File}; got: {string.Join("; ", errors)}");
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(reportedLine, error.Line);
    }

    [Fact]
    public void Empty_steps_list_is_refused()
    {
        Write([.. ValidSeries.Take(4), "steps: []"]);
        var error = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(_dir)).Errors.Single(e => e.File == File);
        Assert.Equal(new ContentError(File, 5, "'steps' is empty; a series needs at least one step (offset_days: 0)"), error);
    }

    private void Write(IEnumerable<string> lines) =>
        System.IO.File.WriteAllText(Path.Combine(_dir, "series", "thu-nghiem.yaml"), string.Join('\n', lines) + "\n");
}
