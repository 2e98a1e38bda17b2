namespace Campaign.Core.Faq;

/// <summary>
/// Measures a matcher on labelled questions: top-1 accuracy on in-scope questions (answered with the
/// expected entry) and rejection on out-of-scope ones (expected "none", not answered).
/// </summary>
public static class FaqEvaluation
{
    public const string OutOfScope = "none";

    public sealed record LabelledQuestion(string Query, string Expected);

    public sealed record Miss(string Query, string Expected, string? Got, float Score, float Coverage);

    public sealed record Result(int InScope, int InScopeCorrect, int OutOfScope, int OutOfScopeRejected, IReadOnlyList<Miss> Misses)
    {
        public double Accuracy => InScope == 0 ? 1 : (double)InScopeCorrect / InScope;
        public double Rejection => OutOfScope == 0 ? 1 : (double)OutOfScopeRejected / OutOfScope;
    }

    /// <summary>Reads "query&lt;TAB&gt;expected" lines, skipping blank lines, comments and a header.</summary>
    public static IReadOnlyList<LabelledQuestion> ReadTsv(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2 && !(p[0] == "query" && p[1] == "expected"))
            .Select(p => new LabelledQuestion(p[0], p[1].Trim()))
            .ToArray();

    public static Result Run(FaqMatcher matcher, IEnumerable<LabelledQuestion> cases)
    {
        int inScope = 0, correct = 0, outOfScope = 0, rejected = 0;
        var misses = new List<Miss>();
        foreach (var c in cases)
        {
            var match = matcher.Match(c.Query);
            var got = match.Answer?.Id;
            var ok = c.Expected == OutOfScope ? got is null : got == c.Expected;
            if (c.Expected == OutOfScope)
            {
                outOfScope++;
                rejected += ok ? 1 : 0;
            }
            else
            {
                inScope++;
                correct += ok ? 1 : 0;
            }
            if (!ok)
            {
                misses.Add(new Miss(c.Query, c.Expected, got ?? (match.Suggestions.Count > 0 ? "(" + match.Suggestions[0].Id + ")" : null), match.Score, match.Coverage));
            }
        }
        return new Result(inScope, correct, outOfScope, rejected, misses);
    }
}
