using System.Globalization;
using Campaign.Core.Faq;

namespace Campaign.Cli.Commands;

/// <summary><c>faq eval FILE</c>: in-scope top-1 accuracy, out-of-scope rejection, and every miss.</summary>
internal static class FaqEvalCommand
{
    private const string Usage = """
        usage: campaign faq eval FILE [--content DIR]
          FILE has lines "query<TAB>expected" (a header line "query<TAB>expected" is skipped);
          expected "none" means the bot should not answer. Prints in-scope top-1 accuracy,
          out-of-scope rejection rate, and each miss.
        """;

    public static int Run(CliArgs args)
    {
        if (args.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var file = args.Word(2) ?? throw new CliUsageException(Usage);
        if (!File.Exists(file))
        {
            throw new CliUsageException($"no such file: {file}\n{Usage}");
        }
        var matcher = new FaqMatcher(FaqIndex.Build(CliContent.Load(args)));
        var result = FaqEvaluation.Run(matcher, FaqEvaluation.ReadTsv(file));
        foreach (var miss in result.Misses)
        {
            Console.WriteLine($"MISS  expected {miss.Expected,-22} got {miss.Got ?? "none",-22} score {miss.Score,6:0.00} cov {miss.Coverage:0.00}  {miss.Query}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-scope top-1 accuracy: {result.Accuracy:0.000} ({result.InScopeCorrect}/{result.InScope})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"out-of-scope rejection:  {result.Rejection:0.000} ({result.OutOfScopeRejected}/{result.OutOfScope})"));
        return 0;
    }
}
