using Campaign.Core.Areas;

namespace Campaign.Core.Content;

/// <summary>
/// Everything residents read, loaded and validated from <c>content/</c>. Immutable: a reload builds a
/// new instance and swaps it in (see <see cref="ContentStore"/>).
/// </summary>
public sealed class CampaignContent
{
    private readonly Dictionary<string, FaqEntry> _faqById;
    private readonly Dictionary<string, Theme> _themesById;
    private readonly Dictionary<string, SystemReply> _replies;
    private readonly Dictionary<string, DripSeries> _seriesById;

    internal CampaignContent(
        string rootPath,
        IReadOnlyList<Theme> themes,
        IReadOnlyList<FaqEntry> faq,
        IReadOnlyDictionary<string, SystemReply> replies,
        IReadOnlyList<string> menu,
        CommandKeywords commands,
        IReadOnlyDictionary<string, Placeholder> placeholders,
        IReadOnlyList<OutOfScopeGroup> outOfScope,
        AreaDirectory areas,
        MatchingVocabulary vocabulary,
        IReadOnlyDictionary<string, string> webChatTexts,
        IReadOnlyList<DripSeries> series)
    {
        Series = series;
        _seriesById = series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        WebChatTexts = webChatTexts;
        RootPath = rootPath;
        Themes = themes;
        Faq = faq;
        Commands = commands;
        Placeholders = placeholders;
        OutOfScope = outOfScope;
        Areas = areas;
        Vocabulary = vocabulary;
        _faqById = faq.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _themesById = themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _replies = new Dictionary<string, SystemReply>(replies, StringComparer.Ordinal);
        Menu = menu.Select(id => _faqById[id]).ToArray();
    }

    /// <summary>The web chat page's screen texts (<c>ui.yaml</c>), by <see cref="UiText"/> key.</summary>
    public IReadOnlyDictionary<string, string> WebChatTexts { get; }

    /// <summary>The folder the content was read from.</summary>
    public string RootPath { get; }

    public IReadOnlyList<Theme> Themes { get; }
    public IReadOnlyList<FaqEntry> Faq { get; }

    /// <summary>The numbered main menu, in order (item 1 first).</summary>
    public IReadOnlyList<FaqEntry> Menu { get; }

    public CommandKeywords Commands { get; }
    public IReadOnlyDictionary<string, Placeholder> Placeholders { get; }

    /// <summary>Kinds of questions the service does not answer, used by the matcher as decoys.</summary>
    public IReadOnlyList<OutOfScopeGroup> OutOfScope { get; }

    /// <summary>Provinces, communes and hamlets, with their settings.</summary>
    public AreaDirectory Areas { get; }

    /// <summary>Abbreviations and stop words used by FAQ matching.</summary>
    public MatchingVocabulary Vocabulary { get; }

    /// <summary>Drip series (<c>series/*.yaml</c>) a drip campaign can send; empty when the folder is absent.</summary>
    public IReadOnlyList<DripSeries> Series { get; }

    public DripSeries? FindSeries(string id) => _seriesById.GetValueOrDefault(id);

    public FaqEntry? FindFaq(string id) => _faqById.GetValueOrDefault(id);

    /// <summary>
    /// The same content with another FAQ list (menu and everything else unchanged): how officers'
    /// approved answers are laid over the files without touching them.
    /// </summary>
    public CampaignContent WithFaq(IReadOnlyList<FaqEntry> faq) => new(
        RootPath, Themes, faq, _replies, Menu.Select(m => m.Id).ToArray(), Commands, Placeholders,
        OutOfScope, Areas, Vocabulary, WebChatTexts, Series);

    public Theme? FindTheme(string id) => _themesById.GetValueOrDefault(id);

    /// <summary>A required system reply; the loader guarantees every <see cref="ReplyId"/> exists.</summary>
    public SystemReply Reply(string id) =>
        _replies.TryGetValue(id, out var reply) ? reply : throw new KeyNotFoundException($"no system reply '{id}' in content");
}
