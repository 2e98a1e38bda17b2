using System.Globalization;
using Campaign.Core.Areas;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// Checks the rows of one subscriber import: the phone is a Vietnamese mobile (any written form,
/// stored as E.164), the area exists and lies in the officer's areas, topics are theme ids, and a
/// number already imported from an earlier line of the same file is a duplicate. Every problem of
/// a row is named, so the officer fixes the line once.
/// </summary>
internal sealed class SubscriberRowCheck(AreaDirectory areas, IReadOnlyList<Theme> themes, OfficerContext officer, char separator, int headerFieldCount)
{
    public const int MaxNameLength = 100;

    public static readonly CsvColumns Columns = new(["phone", "area"], ["name", "topics"]);

    private static readonly char[] TopicSeparators = [';', ','];

    private readonly HashSet<string> _themeIds = themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    // E.164 digits → the line that imported the number; a long per number keeps a 20 MiB file's worth small.
    private readonly Dictionary<long, long> _phones = [];

    /// <returns>The row to import, or null with <paramref name="error"/> saying why not.</returns>
    public SubscriberImportRow? Check(CsvLine line, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        var problems = new List<string>();
        if (line.FieldCount > headerFieldCount)
        {
            problems.Add($"{line.FieldCount} values where the header has {headerFieldCount}; put a value containing '{separator}' in quotes");
        }

        var (phoneText, areaText, nameText, topicsText) = (line.Values[0], line.Values[1], line.Values[2], line.Values[3]);
        string? e164 = null;
        if (phoneText.Length == 0)
        {
            problems.Add("phone: empty");
        }
        else
        {
            var phone = VietnamPhoneNumber.Normalize(phoneText);
            if (!phone.IsValid)
            {
                problems.Add("phone: " + phone.Error);
            }
            else if (!phone.IsMobile)
            {
                problems.Add("phone: not a mobile number; SMS reaches mobile numbers only");
            }
            else if (_phones.TryGetValue(Digits(phone.E164), out var first))
            {
                problems.Add($"duplicate: the same phone number as line {first.ToString(CultureInfo.InvariantCulture)}");
            }
            else
            {
                e164 = phone.E164;
            }
        }

        Area? area = null;
        if (areaText.Length == 0)
        {
            problems.Add("area: empty; give the area's code (content/areas.yaml)");
        }
        else if (areas.Find(areaText) is not { } found)
        {
            problems.Add($"area: '{areaText}' is not a known area code (content/areas.yaml)");
        }
        else if (!officer.Covers(found.Code))
        {
            problems.Add($"area: '{found.Code}' is outside your areas ({officer.Scope})");
        }
        else
        {
            area = found;
        }

        var name = Diacritics.ToNfc(nameText).Trim();
        if (name.Length > MaxNameLength)
        {
            problems.Add($"name: {name.Length} characters; at most {MaxNameLength}");
        }

        var topics = topicsText.Split(TopicSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var topic in topics.Where(t => !_themeIds.Contains(t)))
        {
            problems.Add($"topics: '{topic}' is not a theme id; use {string.Join(", ", _themeIds)} (content/themes.yaml)");
        }

        if (problems.Count > 0 || e164 is null || area is null)
        {
            error = string.Join("; ", problems);
            return null;
        }
        // Only an imported row claims its number: a later, correct line for a number refused here is not a duplicate.
        _phones[Digits(e164)] = line.Line;
        error = null;
        return new SubscriberImportRow(Channel.Sms, e164, area.Code, name.Length == 0 ? null : name, topics);
    }

    private static long Digits(string e164) => long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
}
