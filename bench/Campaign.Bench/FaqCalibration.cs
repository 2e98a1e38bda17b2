using System.Globalization;
using Campaign.Core.Content;
using Campaign.Core.Faq;

namespace Campaign.Bench;

/// <summary>
/// Grid search over the matcher's weights and thresholds on labelled question files, printing the
/// settings that meet both aims with the most room. How <see cref="FaqMatcherOptions"/>' defaults were chosen:
/// <c>dotnet run -c Release --project bench/Campaign.Bench -- calibrate FILE...</c>.
/// </summary>
internal static class FaqCalibration
{
    public static int Run(string[] files)
    {
        var root = Directory.GetCurrentDirectory();
        var content = ContentLoader.Load(Path.Combine(root, "content"));
        var sets = files.Select(f => (Name: Path.GetFileName(f), Cases: FaqEvaluation.ReadTsv(f))).ToArray();
        var rows = new List<(double Worst, string Line)>();
        foreach (var b in new[] { 0.5f, 0.75f })
        foreach (var pair in new[] { 0.5f, 1f, 1.5f })
        foreach (var unknown in new[] { 0.2f, 0.35f, 0.5f })
        {
            var baseOptions = new FaqMatcherOptions { B = b, PairWeight = pair, UnknownWordWeight = unknown };
            var index = FaqIndex.Build(content, baseOptions);
            foreach (var coverage in new[] { 0.35f, 0.4f, 0.45f, 0.5f, 0.55f })
            foreach (var score in new[] { 2f, 4f, 6f, 8f })
            foreach (var margin in new[] { 0f, 0.05f, 0.1f })
            foreach (var strong in new[] { 0.3f, 0.4f, 0.5f, 1.01f })
            {
                var options = baseOptions with { MinCoverage = coverage, MinScore = score, MinMargin = margin, StrongMargin = strong };
                var matcher = new FaqMatcher(index, options);
                var results = sets.Select(s => FaqEvaluation.Run(matcher, s.Cases)).ToArray();
                var worst = results.Min(r => Math.Min(r.Accuracy - 0.92, r.Rejection - 0.90));
                rows.Add((worst, string.Create(CultureInfo.InvariantCulture,
                    $"b={b} pair={pair} unknown={unknown} cov={coverage} score={score} margin={margin} strong={strong}: ")
                    + string.Join("  ", results.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{sets[i].Name} acc {r.Accuracy:0.000} rej {r.Rejection:0.000}")))));
            }
        }
        foreach (var row in rows.OrderByDescending(r => r.Worst).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Worst:+0.000;-0.000}  {row.Line}"));
        }
        return 0;
    }
}
