using Campaign.Core.Content;

namespace Campaign.Core.Inbox;

/// <summary>
/// Lays approved inbox answers over the content from the files, in approval order: a new entry is
/// added (unless the files already have its id: once the export is committed, the file wins), an
/// attachment adds its phrasings to the entry. Answers that no longer fit (an attached entry removed
/// from the files) are skipped and reported.
/// </summary>
public static class FaqOverlay
{
    public static CampaignContent Apply(CampaignContent files, IReadOnlyList<InboxAnswer> approved, Action<InboxAnswer, string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(approved);
        if (approved.Count == 0)
        {
            return files;
        }
        var entries = files.Faq.ToList();
        var index = entries.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var answer in approved.Where(a => a.Status == AnswerStatus.Approved))
        {
            if (answer.Kind == AnswerKind.NewEntry)
            {
                if (index.ContainsKey(answer.FaqId))
                {
                    skipped?.Invoke(answer, $"FAQ id '{answer.FaqId}' is already in content");
                    continue;
                }
                if (files.FindTheme(answer.Theme ?? "") is null)
                {
                    skipped?.Invoke(answer, $"theme '{answer.Theme}' is not in content");
                    continue;
                }
                index[answer.FaqId] = entries.Count;
                entries.Add(EntryOf(answer, id => index.ContainsKey(id)));
            }
            else if (index.TryGetValue(answer.FaqId, out var at))
            {
                var entry = entries[at];
                var added = Phrasings.Collect(answer.Phrasings, [entry.Question, .. entry.Phrasings]);
                entries[at] = entry with { Phrasings = [.. entry.Phrasings, .. added] };
            }
            else
            {
                skipped?.Invoke(answer, $"FAQ entry '{answer.FaqId}' is not in content any more");
            }
        }
        return files.WithFaq(entries);
    }

    /// <summary>The FAQ entry a new-entry answer stands for.</summary>
    public static FaqEntry EntryOf(InboxAnswer answer, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(exists);
        return new FaqEntry
        {
            Id = answer.FaqId,
            Theme = answer.Theme ?? "",
            Title = answer.Title ?? answer.FaqId,
            Question = answer.Question ?? "",
            Phrasings = answer.Phrasings,
            ChatAnswer = TextTemplate.Parse(answer.Chat ?? ""),
            SmsAnswer = TextTemplate.Parse(answer.Sms ?? ""),
            Sources = [SourceOf(answer)],
            Related = answer.Related.Where(exists).ToArray(),
            Location = new ContentLocation($"inbox/{answer.Id}", 1),
        };
    }

    /// <summary>Where the answer came from, as the entry's source (the files cite web pages; this cites the review).</summary>
    public static string SourceOf(InboxAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return $"officer answer {answer.Id}: proposed by {answer.ProposedBy}, approved by {answer.ReviewedBy} on {answer.ReviewedAt:yyyy-MM-dd}";
    }
}
