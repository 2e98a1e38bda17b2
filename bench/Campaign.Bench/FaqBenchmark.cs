using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Campaign.Core.Content;
using Campaign.Core.Faq;

namespace Campaign.Bench;

/// <summary>
/// FAQ matching latency per query, p50 and p99, on the shipped content and on 5,000 synthetic entries
/// built from the content's own vocabulary. Stopwatch timing of single queries after warm-up, one
/// thread: this is the latency one inbound message sees, not throughput.
/// </summary>
internal static class FaqBenchmark
{
    private const int Rounds = 30;
    private const int SyntheticEntries = 5000;

    public static int Run()
    {
        var root = RepoRoot();
        var content = ContentLoader.Load(Path.Combine(root, "content"));
        var queries = Queries(root, content);

        var shipped = new FaqMatcher(FaqIndex.Build(content));
        var (p50, p99) = Measure(shipped, queries);

        var synthetic = new FaqMatcher(FaqIndex.Build(Synthesize(content, SyntheticEntries), content.Vocabulary));
        var (p50Synthetic, p99Synthetic) = Measure(synthetic, queries);

        var result = new Dictionary<string, object>
        {
            ["p50_us"] = Math.Round(p50, 1),
            ["p99_us"] = Math.Round(p99, 1),
            ["p50_us_5000"] = Math.Round(p50Synthetic, 1),
            ["p99_us_5000"] = Math.Round(p99Synthetic, 1),
            ["queries"] = queries.Count,
            ["rounds"] = Rounds,
            ["entries"] = content.Faq.Count,
        };
        var json = JsonSerializer.Serialize(result);
        Directory.CreateDirectory(Path.Combine(root, "bench", "results"));
        File.WriteAllText(Path.Combine(root, "bench", "results", "faq.json"), json + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} queries x {Rounds} rounds; shipped content ({content.Faq.Count} entries): p50 {p50:0.0} µs, p99 {p99:0.0} µs; {SyntheticEntries} synthetic entries: p50 {p50Synthetic:0.0} µs, p99 {p99Synthetic:0.0} µs"));
        Console.WriteLine(JsonSerializer.Serialize(new { p50_us = result["p50_us"], p99_us = result["p99_us"], p99_us_5000 = result["p99_us_5000"] }));
        return 0;
    }

    private static (double P50, double P99) Measure(FaqMatcher matcher, List<string> queries)
    {
        for (var i = 0; i < 3; i++)
        {
            foreach (var q in queries)
            {
                matcher.Match(q);
            }
        }
        var samples = new double[queries.Count * Rounds];
        var n = 0;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                matcher.Match(q);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }
        Array.Sort(samples);
        return (samples[(int)(samples.Length * 0.50)], samples[(int)(samples.Length * 0.99)]);
    }

    /// <summary>The questions residents send: the content's phrasings plus the evaluation sets.</summary>
    private static List<string> Queries(string root, CampaignContent content)
    {
        var queries = content.Faq.SelectMany(f => f.Phrasings).ToList();
        foreach (var file in new[] { Path.Combine(root, "tests", "data", "faq-eval.tsv"), Path.Combine(root, "..", "shared", "faq-dev.tsv") })
        {
            if (File.Exists(file))
            {
                queries.AddRange(FaqEvaluation.ReadTsv(file).Select(c => c.Query));
            }
        }
        return queries;
    }

    /// <summary>Entries made of the content's own words, so term statistics look like a large real FAQ.</summary>
    private static List<FaqEntry> Synthesize(CampaignContent content, int count)
    {
        var random = new Random(42);
        var words = content.Faq
            .SelectMany(f => f.Phrasings.Append(f.Question))
            .SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(5, 12)).Select(_ => words[random.Next(words.Length)]));
        var template = content.Faq[0];
        return Enumerable.Range(0, count).Select(i => template with
        {
            Id = "syn-" + i.ToString(CultureInfo.InvariantCulture),
            Title = Sentence(),
            Question = Sentence(),
            Phrasings = Enumerable.Range(0, 10).Select(_ => Sentence()).ToArray(),
            Keywords = [],
            Related = [],
        }).ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaign.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
