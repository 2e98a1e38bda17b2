using Campaign.Core.Areas;
using Campaign.Core.Content.Readers;
using Campaign.Core.Content.Yaml;

namespace Campaign.Core.Content;

/// <summary>
/// Loads <c>content/</c> and validates all of it. Either everything is valid and a
/// <see cref="CampaignContent"/> comes back, or a <see cref="ContentValidationException"/> lists every
/// problem with file and line; nothing is ever half-loaded.
/// </summary>
public static class ContentLoader
{
    public static CampaignContent Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new ContentValidationException([new ContentError(directory, 0, "the content folder does not exist; set Content:Path to the repository's content/ folder")]);
        }
        var errors = new List<ContentError>();
        YamlContentFile Open(string relative) => YamlContentFile.Read(root, Path.Combine(root, relative), errors);
        bool Exists(string relative)
        {
            if (File.Exists(Path.Combine(root, relative)))
            {
                return true;
            }
            errors.Add(new ContentError(relative, 0, "file is missing"));
            return false;
        }

        var themes = Exists("themes.yaml") ? ThemesReader.Read(Open("themes.yaml")) : [];
        var placeholders = Exists("placeholders.yaml") ? PlaceholdersReader.Read(Open("placeholders.yaml")) : [];
        var repliesFile = Exists("replies.yaml") ? Open("replies.yaml") : null;
        var replies = repliesFile is null ? [] : RepliesReader.Read(repliesFile);
        var commands = Exists("commands.yaml") ? CommandsReader.Read(Open("commands.yaml")) : new CommandKeywords(new Dictionary<string, CommandKind>());
        var abbreviations = Exists("text/abbreviations.yaml") ? VocabularyReader.ReadAbbreviations(Open("text/abbreviations.yaml")) : [];
        var stopWords = Exists("text/stopwords.yaml") ? VocabularyReader.ReadStopWords(Open("text/stopwords.yaml")) : [];
        var areas = Exists("areas.yaml") ? AreasReader.Read(Open("areas.yaml"), placeholders) : [];
        // Optional: without it the matcher relies on its thresholds alone.
        var outOfScope = File.Exists(Path.Combine(root, "out-of-scope.yaml")) ? OutOfScopeReader.Read(Open("out-of-scope.yaml")) : [];
        var webChatTexts = Exists("ui.yaml") ? UiTextsReader.ReadWebChat(Open("ui.yaml")) : [];
        var menuFile = Exists("menu.yaml") ? Open("menu.yaml") : null;
        var menu = menuFile is null ? [] : MenuReader.Read(menuFile);

        var faq = new List<(FaqEntry Entry, YamlContentFile File)>();
        var faqFolder = Path.Combine(root, "faq");
        var faqFiles = YamlFilesIn(faqFolder);
        if (faqFiles.Length == 0)
        {
            errors.Add(new ContentError("faq", 0, "no FAQ entries: add faq/<id>.yaml files"));
        }
        foreach (var path in faqFiles)
        {
            var file = YamlContentFile.Read(root, path, errors);
            if (FaqReader.Read(file) is { } entry)
            {
                faq.Add((entry, file));
            }
        }

        // Optional folder: without it there are simply no drip series to choose from.
        var series = new List<(DripSeries Series, YamlContentFile File)>();
        foreach (var path in YamlFilesIn(Path.Combine(root, "series")))
        {
            var file = YamlContentFile.Read(root, path, errors);
            if (SeriesReader.Read(file) is { } item)
            {
                series.Add((item, file));
            }
        }

        var validator = new ContentValidator(errors, themes, placeholders);
        validator.CheckFaq(faq);
        validator.CheckReplies(replies.Values);
        validator.CheckOutOfScope(outOfScope, faq.Select(f => f.Entry.Id));
        var faqIds = faq.Select(f => f.Entry.Id).ToHashSet(StringComparer.Ordinal);
        validator.CheckMenu(menu, menuFile?.RelativePath ?? "menu.yaml", faqIds);
        validator.CheckSeries(series, faqIds);

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
        return new CampaignContent(
            root,
            themes,
            faq.Select(f => f.Entry).ToArray(),
            replies,
            menu.Select(m => m.Id).ToArray(),
            commands,
            placeholders,
            outOfScope,
            new AreaDirectory(areas),
            new MatchingVocabulary(abbreviations, stopWords),
            webChatTexts,
            series.Select(s => s.Series).ToArray());
    }

    private static string[] YamlFilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.*").Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : [];
}
