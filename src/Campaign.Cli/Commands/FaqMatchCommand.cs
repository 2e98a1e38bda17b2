using System.Text.Encodings.Web;
using System.Text.Json;
using Campaign.Core.Faq;

namespace Campaign.Cli.Commands;

/// <summary><c>faq match</c>: one query per stdin line, one JSON object per stdout line.</summary>
internal static class FaqMatchCommand
{
    private const string Usage = """
        usage: campaign faq match [--content DIR]
          Reads one question per line on stdin and writes one JSON object per line:
          {"query": "...", "id": "<faq id>" or null, "score": 1.23, "suggestions": ["id", ...]}
        """;

    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var matcher = new FaqMatcher(FaqIndex.Build(CliContent.Load(args)));
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        while (Console.In.ReadLine() is { } line)
        {
            var match = matcher.Match(line);
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                query = line,
                id = match.Answer?.Id,
                score = Math.Round(match.Score, 3),
                suggestions = match.Suggestions.Select(s => s.Id),
            }, Json));
        }
        return 0;
    }
}
