using Campaign.Core.Content;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Content;

/// <summary>
/// The shipped content loads, and every kind of broken file is refused with its file, line and a
/// reason. Each broken case starts from a copy of the real content and breaks one thing.
/// </summary>
public sealed class ContentLoaderTests : IDisposable
{
    private readonly string _dir = RepoPaths.CopyOfContent();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Shipped_content_loads()
    {
        var content = ContentLoader.Load(RepoPaths.Content);
        Assert.True(content.Faq.Count >= 31);
        Assert.NotEmpty(content.Menu);
        Assert.All(ReplyId.RuntimePlaceholders.Keys, id => Assert.NotNull(content.Reply(id)));
    }

    [Fact]
    public void Every_topic_in_the_steering_list_has_an_entry()
    {
        var topics = RepoPaths.Shared("faq-topics.tsv");
        var ids = topics is null
            ? []
            : File.ReadLines(topics).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[0]).ToArray();
        var content = ContentLoader.Load(RepoPaths.Content);
        foreach (var id in ids)
        {
            Assert.True(content.FindFaq(id) is not null, $"no FAQ entry for topic '{id}'");
        }
    }

    [Fact]
    public void Duplicate_id_names_both_files()
    {
        File.Copy(Faq("vneid"), Path.Combine(_dir, "faq", "vneid-copy.yaml"));
        var error = LoadFails("faq/vneid-copy.yaml");
        Assert.Contains("does not match the file name", error.Message);
        var duplicate = Errors().Single(e => e.Message.StartsWith("duplicate FAQ id", StringComparison.Ordinal));
        Assert.Contains("vneid.yaml", duplicate.File + " " + duplicate.Message);
        Assert.Contains("vneid-copy.yaml", duplicate.File + " " + duplicate.Message);
    }

    [Fact]
    public void Missing_field_is_reported_at_the_entry()
    {
        Edit(Faq("vneid"), text => RemoveLine(text, "question:"));
        var error = LoadFails("faq/vneid.yaml");
        Assert.Equal("missing field 'question'", error.Message);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void Missing_sms_answer_names_the_nested_field()
    {
        Edit(Faq("vneid"), text => text.Replace("  sms:", "  sms_text:", StringComparison.Ordinal));
        Assert.Contains(Errors(), e => e.File == "faq/vneid.yaml" && e.Message == "missing field 'answer.sms'");
    }

    [Fact]
    public void Sms_answer_too_long_gives_its_length_and_the_limit()
    {
        var longSms = "  sms: >-\n    " + string.Join(' ', Enumerable.Repeat("Bà con vui lòng làm theo hướng dẫn.", 12)) + "\n";
        Edit(Faq("vneid"), text => ReplaceBlock(text, "  sms:", longSms));
        var error = LoadFails("faq/vneid.yaml");
        Assert.Contains("'answer.sms' is", error.Message);
        Assert.Contains("the limit is 306 (2 segments)", error.Message);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Unknown_theme_is_refused_at_its_line()
    {
        Edit(Faq("vneid"), text => SetField(text, "theme", "khong-co-that"));
        var error = LoadFails("faq/vneid.yaml");
        Assert.StartsWith("unknown theme 'khong-co-that'", error.Message);
        Assert.Equal(LineOf(Faq("vneid"), "theme:"), error.Line);
    }

    [Fact]
    public void Unknown_related_topic_is_refused()
    {
        Edit(Faq("vneid"), text => SetField(text, "related", "[khong-ton-tai]"));
        var error = LoadFails("faq/vneid.yaml");
        Assert.Equal("'related' names unknown FAQ id 'khong-ton-tai'", error.Message);
        Assert.Equal(LineOf(Faq("vneid"), "related:"), error.Line);
    }

    [Fact]
    public void Unknown_menu_item_is_refused_at_its_line()
    {
        File.AppendAllText(Path.Combine(_dir, "menu.yaml"), "");
        Edit(Path.Combine(_dir, "menu.yaml"), text => text.Replace("  - vneid", "  - vneid-moi", StringComparison.Ordinal));
        var error = LoadFails("menu.yaml");
        Assert.Equal("menu item 'vneid-moi' is not an FAQ id", error.Message);
        Assert.Equal(LineOf(Path.Combine(_dir, "menu.yaml"), "- vneid-moi"), error.Line);
    }

    [Fact]
    public void Undeclared_placeholder_is_refused()
    {
        Edit(Path.Combine(_dir, "replies.yaml"), text => text.Replace("{commune_hotline}", "{hotline_xa}", StringComparison.Ordinal));
        var error = LoadFails("replies.yaml");
        Assert.Contains("unknown placeholder {hotline_xa}", error.Message);
    }

    [Fact]
    public void Malformed_yaml_gives_the_line_of_the_fault()
    {
        File.WriteAllText(Faq("vneid"), "id: vneid\ntheme: chinh-quyen\nquestion: a: b\ntitle: x\n");
        var error = LoadFails("faq/vneid.yaml");
        Assert.StartsWith("malformed YAML", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Unclosed_list_is_malformed_yaml_not_a_crash()
    {
        File.WriteAllText(Faq("vneid"), "id: vneid\ntheme: chinh-quyen\nphrasings: [a, b\nquestion: x\n");
        var error = LoadFails("faq/vneid.yaml");
        Assert.StartsWith("malformed YAML", error.Message);
    }

    [Fact]
    public void Missing_reply_is_refused()
    {
        Edit(Path.Combine(_dir, "replies.yaml"), text => text.Replace("  opted_out:", "  opted_out_old:", StringComparison.Ordinal));
        var errors = Errors();
        Assert.Contains(errors, e => e.File == "replies.yaml" && e.Message == "missing reply 'opted_out'");
        Assert.Contains(errors, e => e.File == "replies.yaml" && e.Message.StartsWith("unknown reply 'opted_out_old'", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_phrasings_is_refused()
    {
        File.WriteAllText(Faq("vneid"), """
            id: vneid
            theme: chinh-quyen
            title: VNeID
            question: VNeID là gì?
            phrasings: [vneid la gi, vneid o dau]
            answer:
              chat: Đến công an xã.
              sms: Den cong an xa.
            source: [https://vneid.gov.vn]
            """);
        var error = LoadFails("faq/vneid.yaml");
        Assert.Contains("'phrasings' has 2; write at least 6", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Nothing_is_half_loaded_and_all_problems_are_listed_at_once()
    {
        Edit(Faq("vneid"), text => SetField(text, "theme", "x1"));
        Edit(Faq("dich-vu-cong"), text => SetField(text, "theme", "x2"));
        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(_dir));
        Assert.Equal(2, ex.Errors.Count(e => e.Message.StartsWith("unknown theme", StringComparison.Ordinal)));
        Assert.Contains("faq/vneid.yaml:", ex.Message);
    }

    private ContentError LoadFails(string file)
    {
        var errors = Errors();
        return errors.FirstOrDefault(e => e.File == file)
            ?? throw new Xunit.Sdk.XunitException($"expected an error in {file}; got: {string.Join("; ", errors)}");
    }

    private IReadOnlyList<ContentError> Errors() =>
        Assert.Throws<ContentValidationException>(() => ContentLoader.Load(_dir)).Errors;

    private string Faq(string id) => Path.Combine(_dir, "faq", id + ".yaml");

    private static void Edit(string path, Func<string, string> change)
    {
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static string SetField(string yaml, string field, string value) =>
        string.Join('\n', yaml.Split('\n').Select(l => l.StartsWith(field + ":", StringComparison.Ordinal) ? $"{field}: {value}" : l));

    private static string RemoveLine(string yaml, string prefix) =>
        string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>Replaces a nested block (the line starting with <paramref name="start"/> and its deeper-indented lines).</summary>
    private static string ReplaceBlock(string yaml, string start, string replacement)
    {
        var lines = yaml.Split('\n').ToList();
        var i = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        var indent = start.Length - start.TrimStart().Length;
        var j = i + 1;
        while (j < lines.Count && (lines[j].Length == 0 || lines[j].Length - lines[j].TrimStart().Length > indent))
        {
            j++;
        }
        lines.RemoveRange(i, j - i);
        lines.Insert(i, replacement.TrimEnd('\n'));
        return string.Join('\n', lines);
    }

    private static int LineOf(string path, string startsWith) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.TrimStart().StartsWith(startsWith, StringComparison.Ordinal)).i + 1;
}
