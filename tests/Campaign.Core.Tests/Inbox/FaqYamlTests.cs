using Campaign.Core.Content;
using Campaign.Core.Inbox;
using Campaign.TestSupport;
using static Campaign.Core.Tests.Inbox.InboxSamples;

namespace Campaign.Core.Tests.Inbox;

public sealed class FaqYamlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Exported_answers_load_through_the_content_loader_unchanged()
    {
        var group = GroupOf(Asked(Market), Asked(MarketUnaccented, 2, minute: 1, suggested: "ocop-san-thuong-mai"));
        var created = AnswerDrafting.NewEntry("ans_1", Draft(), group, Shipped, new HashSet<string>(), "off_a", Now).Answer!;
        var attached = AnswerDrafting.Attach("ans_2", "vneid", GroupOf(Asked("làm căn cước gắn chíp ở đâu: \"số 1\" hay #2?")), Shipped, "off_a", Now).Answer!;
        var approved = new[] { created, attached }.Select(a => AnswerReview.Apply(a, "off_b", approve: true, null, Now)).ToArray();
        var overlaid = FaqOverlay.Apply(Shipped, approved);

        var yaml = FaqYaml.WriteAll(FaqYaml.Touched(overlaid, approved));

        var copy = Directory.CreateTempSubdirectory("campaign-content-").FullName;
        try
        {
            CopyTree(RepoPaths.Content, copy);
            var documents = yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, documents.Length);
            foreach (var document in documents)
            {
                var header = document[..document.IndexOf('\n', StringComparison.Ordinal)];
                Assert.StartsWith("# faq/", header, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(copy, header[2..]), document);
            }
            var loaded = ContentLoader.Load(copy);
            foreach (var id in new[] { created.FaqId, "vneid" })
            {
                var expected = overlaid.FindFaq(id)!;
                var actual = loaded.FindFaq(id)!;
                Assert.Equal(expected.Title, actual.Title);
                Assert.Equal(expected.Theme, actual.Theme);
                Assert.Equal(expected.Question, actual.Question);
                Assert.Equal(expected.Phrasings, actual.Phrasings);
                Assert.Equal(expected.Keywords, actual.Keywords);
                Assert.Equal(expected.ChatAnswer.Source, actual.ChatAnswer.Source);
                Assert.Equal(expected.SmsAnswer.Source, actual.SmsAnswer.Source);
                Assert.Equal(expected.Sources, actual.Sources);
                Assert.Equal(expected.Related, actual.Related);
            }
            Assert.Equal(["ocop-san-thuong-mai"], loaded.FindFaq(created.FaqId)!.Related);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
