using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Faq;
using Campaign.Core.Text;

namespace Campaign.Core.Inbox;

/// <summary>
/// Groups similar questions: oldest first, each joins the group whose first question shares the
/// most topic words with it (Jaccard at least <see cref="Threshold"/>), or starts a new group.
/// Comparing with the first question, not a growing union, keeps a group from drifting.
/// </summary>
public static class QuestionGrouper
{
    /// <summary>Half the topic words in common: "thư viện xã mở cửa mấy giờ" and "thu vien xa mo cua luc may gio" meet; "thư viện xã ở đâu" does not.</summary>
    public const double Threshold = 0.5;

    public const int MaxExamples = 5;
    public const int MaxTexts = 50;

    /// <param name="questions">The questions with the asker's area code (null when not known), in any order.</param>
    public static IReadOnlyList<QuestionGroup> Group(IEnumerable<(UnansweredQuestion Question, string? AreaCode)> questions, FaqTokenizer tokenizer, double threshold = Threshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var seeds = new List<(IReadOnlySet<string> Words, List<(UnansweredQuestion Q, string? Area, string Signature)> Members)>();
        foreach (var (question, area) in questions.OrderBy(q => q.Question.At))
        {
            var words = QuestionWords.Of(question.Text, tokenizer);
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < seeds.Count; i++)
            {
                var score = QuestionWords.Jaccard(words, seeds[i].Words);
                if (score >= threshold && score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }
            var member = (question, area, QuestionWords.Signature(words));
            if (best < 0)
            {
                seeds.Add((words, [member]));
            }
            else
            {
                seeds[best].Members.Add(member);
            }
        }
        return seeds
            .Select(s => Describe(QuestionWords.Signature(s.Words), s.Members))
            .OrderByDescending(g => g.LastAt)
            .ThenByDescending(g => g.Count)
            .ToArray();
    }

    /// <summary>The id a group whose first question has this signature gets.</summary>
    public static string IdOf(string seedSignature) =>
        "g_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seedSignature)))[..12];

    private static QuestionGroup Describe(string seedSignature, List<(UnansweredQuestion Q, string? Area, string Signature)> members)
    {
        var newestFirst = members.OrderByDescending(m => m.Q.At).ToArray();
        var texts = newestFirst.Select(m => m.Q.Text.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        // The most asked wording (by signature), and of its spellings the newest one with marks.
        var commonest = members.GroupBy(m => m.Signature, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(m => m.Q.At)).First();
        var representative = commonest.OrderByDescending(m => Diacritics.HasMarks(m.Q.Text)).ThenByDescending(m => m.Q.At).First().Q.Text.Trim();
        return new QuestionGroup(
            IdOf(seedSignature),
            representative,
            members.Count,
            members.GroupBy(m => m.Q.Channel.Key(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            members.Min(m => m.Q.At),
            members.Max(m => m.Q.At),
            texts.Take(MaxExamples).ToArray(),
            members.SelectMany(m => m.Q.SuggestedFaqIds).GroupBy(id => id, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray(),
            texts.Take(MaxTexts).ToArray(),
            members.Select(m => m.Signature).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            members.Select(m => m.Area ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
    }
}
