using System.Text;
using Campaign.Core.Content;
using Campaign.Core.Text;

namespace Campaign.Core.Inbox;

/// <summary>
/// Turns an officer's draft into a proposed <see cref="InboxAnswer"/>, holding it to the rules
/// content files are held to (<see cref="ContentLimits"/>, known theme and placeholders, the SMS
/// within its segments once unaccented with placeholders at their longest), so an approved answer
/// could be committed to <c>content/faq</c> as exported.
/// </summary>
public static class AnswerDrafting
{
    public const int MaxQuestionLength = 300;
    public const int MaxIdLength = 48;

    /// <param name="takenIds">FAQ ids already used: the content's and those of answers not rejected.</param>
    public static (InboxAnswer? Answer, IReadOnlyList<InboxProblem> Problems) NewEntry(
        string id, AnswerDraft draft, QuestionGroup group, CampaignContent content, IReadOnlySet<string> takenIds, string proposedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(takenIds);
        var problems = new List<InboxProblem>();
        var question = Phrasings.Clean(draft.Question);
        if (question.Length == 0)
        {
            problems.Add(new("question", "is empty; write the question as the FAQ should state it"));
        }
        else if (question.Length > MaxQuestionLength)
        {
            problems.Add(new("question", $"is {question.Length} characters; the limit is {MaxQuestionLength}"));
        }

        var chat = (draft.Chat ?? "").Trim();
        if (chat.Length == 0)
        {
            problems.Add(new("chat", "is empty; write the answer for chat channels"));
        }
        else
        {
            if (chat.Length > ContentLimits.ChatAnswerMaxCharacters)
            {
                problems.Add(new("chat", $"is {chat.Length} characters; the limit is {ContentLimits.ChatAnswerMaxCharacters}"));
            }
            CheckPlaceholders("chat", chat, content, problems);
        }

        var sms = (draft.Sms ?? "").Trim();
        if (sms.Length == 0)
        {
            problems.Add(new("sms", "is empty; write the answer for SMS"));
        }
        else if (CheckPlaceholders("sms", sms, content, problems))
        {
            CheckSmsLength(sms, content, problems);
        }

        var title = Phrasings.Clean(draft.Title);
        if (title.Length == 0)
        {
            title = Shorten(question.TrimEnd('?', '.', '!', ' '), ContentLimits.TitleMaxCharacters);
        }
        else if (title.Length > ContentLimits.TitleMaxCharacters)
        {
            problems.Add(new("title", $"is {title.Length} characters; menus need at most {ContentLimits.TitleMaxCharacters}"));
        }

        var related = group.SuggestedFaqIds.Where(s => content.FindFaq(s) is not null).Take(3).ToArray();
        var theme = (draft.Theme ?? "").Trim();
        if (theme.Length == 0)
        {
            // The theme of what the bot suggested is the best guess; the officer may say otherwise.
            theme = related.Select(r => content.FindFaq(r)!.Theme).FirstOrDefault() ?? (content.Themes.Count > 0 ? content.Themes[0].Id : null) ?? "";
        }
        else if (content.FindTheme(theme) is null)
        {
            problems.Add(new("theme", $"unknown theme '{theme}'; use one of {string.Join(", ", content.Themes.Select(t => t.Id))}"));
        }

        var phrasings = Phrasings.Collect([.. draft.Phrasings ?? [], .. group.Texts.Reverse(), question], [question]);
        if (question.Length > 0 && phrasings.Count < ContentLimits.MinPhrasings)
        {
            problems.Add(new("phrasings",
                $"the group gives {phrasings.Count} ways of asking (unaccented spellings counted); write at least {ContentLimits.MinPhrasings}: add how else residents ask it (accented, unaccented, SMS shorthand)"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new InboxAnswer
        {
            Id = id,
            Kind = AnswerKind.NewEntry,
            Status = AnswerStatus.Proposed,
            GroupId = group.Id,
            FaqId = FreeId(Slug(title), takenIds),
            Question = question,
            Title = title,
            Theme = theme,
            Chat = chat,
            Sms = sms,
            Related = related,
            Phrasings = phrasings,
            Signatures = group.Signatures,
            AreaCodes = group.AreaCodes,
            ProposedBy = proposedBy,
            ProposedAt = now,
        }, []);
    }

    public static (InboxAnswer? Answer, IReadOnlyList<InboxProblem> Problems) Attach(
        string id, string? faqId, QuestionGroup group, CampaignContent content, string proposedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(content);
        var target = (faqId ?? "").Trim();
        if (target.Length == 0)
        {
            return (null, [new("faqId", "is empty; name the FAQ entry these questions belong to")]);
        }
        if (content.FindFaq(target) is not { } entry)
        {
            return (null, [new("faqId", $"there is no FAQ entry '{target}'")]);
        }
        var phrasings = Phrasings.Collect(group.Texts.Reverse(), [entry.Question, .. entry.Phrasings]);
        if (phrasings.Count == 0)
        {
            return (null, [new("faqId", $"'{target}' already has every wording of this group")]);
        }
        return (new InboxAnswer
        {
            Id = id,
            Kind = AnswerKind.Attach,
            Status = AnswerStatus.Proposed,
            GroupId = group.Id,
            FaqId = target,
            Phrasings = phrasings,
            Signatures = group.Signatures,
            AreaCodes = group.AreaCodes,
            ProposedBy = proposedBy,
            ProposedAt = now,
        }, []);
    }

    /// <summary>"Thư viện xã mở cửa mấy giờ" → "thu-vien-xa-mo-cua-may-gio", cut at a word to <see cref="MaxIdLength"/>.</summary>
    public static string Slug(string text)
    {
        var folded = Diacritics.Fold(Diacritics.ToNfc(text ?? "")).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > MaxIdLength)
        {
            var cut = slug.LastIndexOf('-', MaxIdLength);
            slug = cut > 0 ? slug[..cut] : slug[..MaxIdLength];
        }
        return slug.Length == 0 ? "cau-hoi" : slug;
    }

    private static string FreeId(string slug, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max);
        return (cut > 0 ? text[..cut] : text[..max]).TrimEnd(',', ';', ':', ' ');
    }

    private static bool CheckPlaceholders(string field, string text, CampaignContent content, List<InboxProblem> problems)
    {
        var unknown = TextTemplate.Parse(text).Placeholders.Distinct().Where(n => !content.Placeholders.ContainsKey(n)).ToArray();
        foreach (var name in unknown)
        {
            problems.Add(new(field, $"uses unknown placeholder {{{name}}}; known: {string.Join(", ", content.Placeholders.Keys.Select(k => "{" + k + "}"))}"));
        }
        return unknown.Length == 0;
    }

    /// <summary>As content is checked: plain GSM-7 once unaccented, within the FAQ's segments with placeholders at their longest.</summary>
    private static void CheckSmsLength(string sms, CampaignContent content, List<InboxProblem> problems)
    {
        var longest = TextTemplate.Parse(sms).Render(name => new string('x', content.Placeholders[name].MaxLength));
        var preview = SmsPreview.For(longest);
        if (preview.Unaccented.Encoding != SmsEncoding.Gsm7)
        {
            var offending = preview.UnaccentedText.FirstOrDefault(c => SmsEncoder.Analyze(c.ToString()).Encoding != SmsEncoding.Gsm7);
            problems.Add(new("sms", $"is not plain GSM-7 once unaccented (character '{offending}' U+{(int)offending:X4}); use plain quotes, hyphens and dots"));
        }
        else if (preview.Unaccented.Segments > ContentLimits.FaqSmsMaxSegments)
        {
            problems.Add(new("sms",
                $"is {preview.Unaccented.Characters} GSM-7 characters once unaccented; the limit is {ContentLimits.FaqSmsMaxSegments * 153} ({ContentLimits.FaqSmsMaxSegments} SMS segments). Shorten it."));
        }
    }
}
