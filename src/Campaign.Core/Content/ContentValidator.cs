using Campaign.Core.Content.Readers;
using Campaign.Core.Content.Yaml;
using Campaign.Core.Text;

namespace Campaign.Core.Content;

/// <summary>
/// The checks that span files: ids unique, references resolve, placeholders declared, and SMS texts
/// within their segment budget once unaccented, with every placeholder counted at its longest.
/// </summary>
internal sealed class ContentValidator(
    List<ContentError> errors,
    IReadOnlyList<Theme> themes,
    IReadOnlyDictionary<string, Placeholder> placeholders)
{
    // Longest text a runtime placeholder can stand for when an SMS is rendered. Lists ({items},
    // {suggestions}, {related}) are budgeted when they are rendered, not here.
    private static readonly Dictionary<string, int> RuntimeMaxLength = new(StringComparer.Ordinal)
    {
        ["area"] = 40,
        ["max"] = 1,
        ["items"] = 0,
        ["suggestions"] = 0,
        ["related"] = 0,
    };

    private readonly HashSet<string> _themeIds = themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    public void CheckFaq(IReadOnlyList<(FaqEntry Entry, YamlContentFile File)> faq)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, file) in faq)
        {
            if (!ids.TryAdd(entry.Id, file.RelativePath))
            {
                Add(file, entry.Location.Line, $"duplicate FAQ id '{entry.Id}' (also in {ids[entry.Id]})");
            }
        }
        foreach (var (entry, file) in faq)
        {
            if (!_themeIds.Contains(entry.Theme))
            {
                Add(file, FaqReader.LineOf(file, "theme"), $"unknown theme '{entry.Theme}'; use one of {string.Join(", ", _themeIds)} (themes.yaml)");
            }
            foreach (var related in entry.Related.Where(r => !ids.ContainsKey(r)))
            {
                Add(file, FaqReader.LineOf(file, "related"), $"'related' names unknown FAQ id '{related}'");
            }
            var answerLine = FaqReader.LineOf(file, "answer");
            CheckPlaceholders(file.RelativePath, answerLine, "answer.chat", entry.ChatAnswer, allowedRuntime: []);
            CheckPlaceholders(file.RelativePath, answerLine, "answer.sms", entry.SmsAnswer, allowedRuntime: []);
            CheckSmsLength(file.RelativePath, answerLine, "answer.sms", entry.SmsAnswer, ContentLimits.FaqSmsMaxSegments);
        }
    }

    public void CheckReplies(IEnumerable<SystemReply> replies)
    {
        foreach (var reply in replies)
        {
            var allowed = ReplyId.RuntimePlaceholders[reply.Id];
            CheckPlaceholders(reply.Location.File, reply.Location.Line, $"replies.{reply.Id}.chat", reply.Chat, allowed);
            CheckPlaceholders(reply.Location.File, reply.Location.Line, $"replies.{reply.Id}.sms", reply.Sms, allowed);
            CheckSmsLength(reply.Location.File, reply.Location.Line, $"replies.{reply.Id}.sms", reply.Sms, ContentLimits.ReplySmsMaxSegments);
        }
    }

    public void CheckOutOfScope(IReadOnlyList<OutOfScopeGroup> groups, IEnumerable<string> faqIds)
    {
        var ids = faqIds.ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => ids.Contains(g.Id)))
        {
            errors.Add(new ContentError("out-of-scope.yaml", 0, $"out-of-scope id '{group.Id}' is also an FAQ id; rename the group"));
        }
    }

    public void CheckMenu(IReadOnlyList<(string Id, int Line)> menu, string file, IReadOnlySet<string> faqIds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, line) in menu)
        {
            if (!faqIds.Contains(id))
            {
                errors.Add(new ContentError(file, line, $"menu item '{id}' is not an FAQ id"));
            }
            else if (!seen.Add(id))
            {
                errors.Add(new ContentError(file, line, $"menu item '{id}' is listed twice"));
            }
        }
    }

    public void CheckSeries(IReadOnlyList<(DripSeries Series, YamlContentFile File)> series, IReadOnlySet<string> faqIds)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, file) in series)
        {
            if (!ids.TryAdd(item.Id, file.RelativePath))
            {
                Add(file, item.Location.Line, $"duplicate series id '{item.Id}' (also in {ids[item.Id]})");
            }
            for (var i = 0; i < item.Steps.Count; i++)
            {
                var step = item.Steps[i];
                var path = $"steps[{i + 1}]";
                if (!_themeIds.Contains(step.Topic))
                {
                    Add(file, SeriesReader.LineOf(file, i, "topic"), $"'{path}.topic' is unknown theme '{step.Topic}'; use one of {string.Join(", ", _themeIds)} (themes.yaml)");
                }
                if (step.RelatedFaq is { } related && !faqIds.Contains(related))
                {
                    Add(file, SeriesReader.LineOf(file, i, "related_faq"), $"'{path}.related_faq' names unknown FAQ id '{related}'");
                }
                CheckPlaceholders(file.RelativePath, SeriesReader.LineOf(file, i, "chat"), path + ".chat", step.Chat, allowedRuntime: []);
                var smsLine = SeriesReader.LineOf(file, i, "sms");
                CheckPlaceholders(file.RelativePath, smsLine, path + ".sms", step.Sms, allowedRuntime: []);
                CheckSmsLength(file.RelativePath, smsLine, path + ".sms", step.Sms, ContentLimits.SeriesSmsMaxSegments);
            }
        }
    }

    private void CheckPlaceholders(string file, int line, string field, TextTemplate text, string[] allowedRuntime)
    {
        foreach (var name in text.Placeholders.Distinct())
        {
            if (!placeholders.ContainsKey(name) && Array.IndexOf(allowedRuntime, name) < 0)
            {
                var known = placeholders.Keys.Concat(allowedRuntime).Select(n => "{" + n + "}");
                errors.Add(new ContentError(file, line, $"'{field}' uses unknown placeholder {{{name}}}; known here: {string.Join(", ", known)}"));
            }
        }
    }

    private void CheckSmsLength(string file, int line, string field, TextTemplate text, int maxSegments)
    {
        var longest = text.Render(name =>
            placeholders.TryGetValue(name, out var p) ? new string('x', p.MaxLength)
            : new string('x', RuntimeMaxLength.GetValueOrDefault(name)));
        var preview = SmsPreview.For(longest);
        var unaccented = preview.Unaccented;
        if (unaccented.Encoding != SmsEncoding.Gsm7)
        {
            var offending = preview.UnaccentedText.FirstOrDefault(c => SmsEncoder.Analyze(c.ToString()).Encoding != SmsEncoding.Gsm7);
            errors.Add(new ContentError(file, line,
                $"'{field}' is not plain GSM-7 once unaccented (character '{offending}' U+{(int)offending:X4}); use plain quotes, hyphens and dots"));
        }
        else if (unaccented.Segments > maxSegments)
        {
            var limit = maxSegments == 1 ? 160 : maxSegments * 153;
            errors.Add(new ContentError(file, line,
                $"'{field}' is {unaccented.Characters} GSM-7 characters once unaccented (placeholders at their longest); the limit is {limit} ({maxSegments} segment{(maxSegments == 1 ? "" : "s")}). Shorten it."));
        }
    }

    private void Add(YamlContentFile file, int line, string message) =>
        errors.Add(new ContentError(file.RelativePath, line, message));
}
