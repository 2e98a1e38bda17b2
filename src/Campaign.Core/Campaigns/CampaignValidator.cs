using System.Globalization;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Text;

namespace Campaign.Core.Campaigns;

/// <summary>
/// Checks what an author wrote and returns every problem at once, each naming the field as the JSON
/// does (<c>audience.areaCodes[1]</c>, <c>message.vi.sms</c>, <c>schedule.cron</c>) and saying how to
/// fix it. An empty list means the campaign may be submitted. Run it on create, on edit, and again
/// before approval (time passes; a one-off may have slipped into the past).
/// </summary>
public sealed class CampaignValidator(CampaignCatalog catalog, SmsOptions smsOptions, TimeProvider time)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IReadOnlyList<CampaignProblem> Validate(CampaignRecord campaign, AreaScope ownerScope)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Validate(campaign.Definition, ownerScope);
    }

    /// <param name="definition">What the author wrote (may come straight from JSON, so nulls are reported, not thrown).</param>
    /// <param name="ownerScope">The areas the campaign's author may target.</param>
    public IReadOnlyList<CampaignProblem> Validate(CampaignDefinition definition, AreaScope ownerScope)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(ownerScope);
        var problems = new List<CampaignProblem>();
        CheckTitle(definition.Title, problems);
        CheckAudience(definition.Audience, ownerScope, problems);
        CheckMessage(definition, problems);
        CheckSchedule(definition.Schedule, problems);
        return problems;
    }

    /// <summary>The audience alone, with the same rules and field names (<c>audience.areaCodes[0]</c>): what an audience estimate checks.</summary>
    public IReadOnlyList<CampaignProblem> ValidateAudience(Audience? audience, AreaScope ownerScope)
    {
        ArgumentNullException.ThrowIfNull(ownerScope);
        var problems = new List<CampaignProblem>();
        CheckAudience(audience, ownerScope, problems);
        return problems;
    }

    /// <summary>The schedule alone, with the same rules and field names (<c>schedule.cron</c>): what a schedule preview checks.</summary>
    public IReadOnlyList<CampaignProblem> ValidateSchedule(Schedule? schedule)
    {
        var problems = new List<CampaignProblem>();
        CheckSchedule(schedule, problems);
        return problems;
    }

    private static void CheckTitle(string? title, List<CampaignProblem> problems)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add(new("title", "empty; give the campaign a short name officers will recognise"));
        }
        else if (trimmed.Length > CampaignLimits.TitleMaxLength)
        {
            problems.Add(new("title", $"{trimmed.Length} characters; the limit is {CampaignLimits.TitleMaxLength}"));
        }
    }

    private void CheckAudience(Audience? audience, AreaScope scope, List<CampaignProblem> problems)
    {
        if (audience is null)
        {
            problems.Add(new("audience", "missing; say which areas and channels the campaign reaches"));
            return;
        }

        if (audience.AreaCodes.Count == 0)
        {
            problems.Add(new("audience.areaCodes", "empty; add at least one area code (a province code covers all its communes)"));
        }
        var seenAreas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < audience.AreaCodes.Count; i++)
        {
            var field = $"audience.areaCodes[{i}]";
            var code = audience.AreaCodes[i]?.Trim() ?? "";
            if (code.Length == 0)
            {
                problems.Add(new(field, "empty"));
            }
            else if (!seenAreas.Add(code))
            {
                problems.Add(new(field, $"'{code}' is listed twice"));
            }
            else if (!catalog.AreaExists(code))
            {
                problems.Add(new(field, $"'{code}' is not a known area code (content/areas.yaml)"));
            }
            else if (!scope.Covers(code, catalog.IsWithin))
            {
                problems.Add(new(field, $"'{code}' is outside your areas ({scope})"));
            }
        }

        if (audience.Channels.Count == 0)
        {
            problems.Add(new("audience.channels", $"empty; pick one or more of {string.Join(", ", PushChannels)}"));
        }
        var seenChannels = new HashSet<Channel>();
        for (var i = 0; i < audience.Channels.Count; i++)
        {
            var channel = audience.Channels[i];
            var field = $"audience.channels[{i}]";
            if (!Enum.IsDefined(channel))
            {
                problems.Add(new(field, $"not a channel; pick one of {string.Join(", ", PushChannels)}"));
            }
            else if (channel == Channel.WebChat)
            {
                problems.Add(new(field, $"'{channel.Key()}' cannot receive campaigns (a web chat session only answers); pick one of {string.Join(", ", PushChannels)}"));
            }
            else if (!seenChannels.Add(channel))
            {
                problems.Add(new(field, $"'{channel.Key()}' is listed twice"));
            }
        }

        var seenTopics = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < audience.Topics.Count; i++)
        {
            var topic = audience.Topics[i] ?? "";
            var field = $"audience.topics[{i}]";
            if (!catalog.TopicIds.Contains(topic, StringComparer.Ordinal))
            {
                problems.Add(new(field, $"'{topic}' is not a theme id; use one of {string.Join(", ", catalog.TopicIds)} (content/themes.yaml), or no topics for everyone"));
            }
            else if (!seenTopics.Add(topic))
            {
                problems.Add(new(field, $"'{topic}' is listed twice"));
            }
        }

        if (!CampaignLimits.Languages.Contains(audience.Language ?? ""))
        {
            problems.Add(new("audience.language", $"'{audience.Language}' is not supported; use {string.Join(", ", CampaignLimits.Languages.Select(l => $"'{l}'"))}"));
        }
    }

    private void CheckMessage(CampaignDefinition definition, List<CampaignProblem> problems)
    {
        var message = definition.Message;
        if (definition.Schedule is DripSchedule drip)
        {
            if (message is { Count: > 0 })
            {
                problems.Add(new("message", $"a drip campaign sends the steps of its series ('{drip.SeriesId}'); leave the message out"));
            }
            return;
        }

        var audience = definition.Audience;
        var language = audience?.Language ?? Audience.Vietnamese;
        if (message is null || message.Count == 0)
        {
            problems.Add(new("message", $"missing; write the texts in '{language}' (chat and SMS)"));
            return;
        }
        if (!message.ContainsKey(language))
        {
            problems.Add(new("message", $"no texts in '{language}', the audience's language"));
        }
        foreach (var (lang, text) in message.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var field = $"message.{lang}";
            if (!CampaignLimits.Languages.Contains(lang))
            {
                problems.Add(new(field, $"'{lang}' is not a supported language; use {string.Join(", ", CampaignLimits.Languages.Select(l => $"'{l}'"))}"));
                continue;
            }
            if (text is null)
            {
                problems.Add(new(field, "missing; give the chat and SMS texts"));
                continue;
            }
            // A text is required only where a channel needs it, but checked wherever it is given.
            CheckChat(field + ".chat", text.Chat, required: audience?.HasChatChannel ?? true, problems);
            CheckSms(field + ".sms", text.Sms, required: audience?.HasSms ?? true, problems);
        }
    }

    private void CheckChat(string field, string? chat, bool required, List<CampaignProblem> problems)
    {
        var text = Diacritics.ToNfc(chat ?? "").Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(field, "empty; the audience includes a chat channel (Zalo, Messenger or Bot Framework)"));
            }
            return;
        }
        if (!CheckPlaceholders(field, text, problems))
        {
            return;
        }
        var longest = Longest(TextTemplate.Parse(text));
        if (longest.Length > CampaignLimits.ChatMaxLength)
        {
            problems.Add(new(field, $"{longest.Length} characters{PlaceholderNote(text)}; the limit is {CampaignLimits.ChatMaxLength}"));
        }
    }

    private void CheckSms(string field, string? sms, bool required, List<CampaignProblem> problems)
    {
        var text = Diacritics.ToNfc(sms ?? "").Trim();
        var options = smsOptions;
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(field, "empty; the audience includes SMS"));
            }
            return;
        }
        if (!CheckPlaceholders(field, text, problems))
        {
            return;
        }

        // Counted the way SmsRenderer will send it (the Sms:Diacritics policy), with every placeholder at its longest.
        var preview = SmsPreview.For(Longest(TextTemplate.Parse(text)));
        var (sent, sentText, form) = options.Diacritics switch
        {
            SmsDiacritics.Keep => (preview.AsWritten, preview.Text, "as written (Sms:Diacritics = keep)"),
            SmsDiacritics.Auto when preview.AsWritten.Segments <= preview.Unaccented.Segments => (preview.AsWritten, preview.Text, "as written"),
            _ => (preview.Unaccented, preview.UnaccentedText, "once unaccented"),
        };
        if (sent.Segments <= options.MaxSegments)
        {
            return;
        }
        var why = "";
        if (sent.Encoding == SmsEncoding.Ucs2)
        {
            var offending = FirstNonGsm(sentText);
            why = offending is null ? " (UCS-2, 70 characters a segment)" : $" (UCS-2, 70 characters a segment, because of '{offending}' U+{char.ConvertToUtf32(offending, 0):X4})";
        }
        problems.Add(new(field,
            $"{sent.Segments} segments {form}{PlaceholderNote(text)}{why}; the limit is Sms:MaxSegments = {options.MaxSegments}"));
    }

    /// <summary>Unknown placeholders; false when there were any (lengths are then meaningless).</summary>
    private bool CheckPlaceholders(string field, string text, List<CampaignProblem> problems)
    {
        var unknown = TextTemplate.Parse(text).Placeholders.Distinct().Where(n => !catalog.Placeholders.ContainsKey(n)).ToArray();
        foreach (var name in unknown)
        {
            var known = catalog.Placeholders.Keys.Order(StringComparer.Ordinal).Select(n => "{" + n + "}");
            problems.Add(new(field, $"unknown placeholder {{{name}}}; known: {string.Join(", ", known)} (content/placeholders.yaml)"));
        }
        return unknown.Length == 0;
    }

    private string Longest(TextTemplate template) =>
        template.Render(name => catalog.Placeholders.TryGetValue(name, out var p) ? new string('x', p.MaxLength) : "");

    private static string PlaceholderNote(string text) =>
        TextTemplate.Parse(text).Placeholders.Count > 0 ? " with placeholders at their longest" : "";

    private static string? FirstNonGsm(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var c = text.Substring(i, length);
            if (SmsEncoder.Analyze(c).Encoding == SmsEncoding.Ucs2)
            {
                return c;
            }
            i += length - 1;
        }
        return null;
    }

    private void CheckSchedule(Schedule? schedule, List<CampaignProblem> problems)
    {
        var now = time.GetUtcNow();
        var nowLocal = CampaignSchedule.ToLocal(now);
        switch (schedule)
        {
            case null:
                problems.Add(new("schedule", "missing; choose oneOff, recurring or drip"));
                break;
            case OneOffSchedule oneOff:
                if (oneOff.At == default)
                {
                    problems.Add(new("schedule.at", "missing; give a local date and time such as 2026-03-02T08:00"));
                }
                else if (CampaignSchedule.ToInstant(oneOff.At) <= now)
                {
                    problems.Add(new("schedule.at", $"{Format(oneOff.At)} is in the past (it is now {Format(nowLocal)} in {CampaignSchedule.ZoneId})"));
                }
                break;
            case RecurringSchedule recurring:
                CheckRecurring(recurring, now, nowLocal, problems);
                break;
            case DripSchedule drip:
                if (string.IsNullOrWhiteSpace(drip.SeriesId))
                {
                    problems.Add(new("schedule.seriesId", "empty; name a series in content/"));
                }
                else if (!catalog.SeriesExists(drip.SeriesId))
                {
                    problems.Add(new("schedule.seriesId", $"'{drip.SeriesId}' is not a series in content/"));
                }
                if (drip.LocalHour is < 0 or > 23)
                {
                    problems.Add(new("schedule.localHour", $"{drip.LocalHour} is not an hour of the day; use 0 to 23 ({CampaignSchedule.ZoneId})"));
                }
                break;
            default:
                problems.Add(new("schedule", $"unknown kind {schedule.GetType().Name}"));
                break;
        }
    }

    private static void CheckRecurring(RecurringSchedule recurring, DateTimeOffset now, DateTime nowLocal, List<CampaignProblem> problems)
    {
        var cronOk = CampaignSchedule.TryParseCron(recurring.Cron, out _, out var cronError);
        if (!cronOk)
        {
            problems.Add(new("schedule.cron", string.IsNullOrWhiteSpace(recurring.Cron)
                ? "empty; give a Quartz cron expression such as '0 0 8 ? * MON' (08:00 every Monday)"
                : $"'{recurring.Cron}' is not a valid Quartz cron expression: {cronError}"));
        }

        var today = DateOnly.FromDateTime(nowLocal);
        var startOk = recurring.Start != default;
        if (!startOk)
        {
            problems.Add(new("schedule.start", "missing; give the first local day it may fire, such as 2026-03-02"));
        }
        if (recurring.End is { } end)
        {
            if (startOk && end < recurring.Start)
            {
                problems.Add(new("schedule.end", $"{Format(end)} is before schedule.start {Format(recurring.Start)}"));
                return;
            }
            if (end < today)
            {
                problems.Add(new("schedule.end", $"{Format(end)} has passed (today is {Format(today)} in {CampaignSchedule.ZoneId})"));
                return;
            }
        }
        if (!cronOk || !startOk)
        {
            return;
        }

        var fires = CampaignSchedule.Next(recurring, now, CampaignLimits.IntervalCheckFires);
        if (fires.Count == 0)
        {
            var from = recurring.Start > today ? recurring.Start : today;
            problems.Add(new("schedule.cron", recurring.End is { } last
                ? $"'{recurring.Cron}' never fires between {Format(from)} and {Format(last)}"
                : $"'{recurring.Cron}' never fires after {Format(from)}"));
            return;
        }
        for (var i = 1; i < fires.Count; i++)
        {
            var gap = fires[i].Utc - fires[i - 1].Utc;
            if (gap < CampaignLimits.MinimumInterval)
            {
                problems.Add(new("schedule.cron",
                    $"'{recurring.Cron}' fires {Format(fires[i - 1].Local)} and again {Format(fires[i].Local)}, {Describe(gap)} apart; a campaign may fire at most once every {Describe(CampaignLimits.MinimumInterval)}"));
                return;
            }
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} hour{(span.TotalHours == 1 ? "" : "s")}"
        : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minute{(span.TotalMinutes == 1 ? "" : "s")}"
        : $"{span.TotalSeconds:0} second{(span.TotalSeconds == 1 ? "" : "s")}";

    private static string Format(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    private static IEnumerable<string> PushChannels =>
        Enum.GetValues<Channel>().Where(c => c != Channel.WebChat).Select(c => c.Key());
}
