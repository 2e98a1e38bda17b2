using System.Globalization;
using CsvHelper;

namespace CampaignBot.Console;

/// <summary>
/// <c>?format=csv</c> on the officers' list endpoints: the same rows as the JSON, one a line, as a
/// download. UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese correctly; cells
/// that start like a formula (=, +, -, @) are escaped, since officers' text ends up in them.
/// </summary>
internal static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <summary>True for <c>?format=csv</c>; false for no format or <c>json</c>.</summary>
    public static bool Wanted(string? format) => string.Equals(format?.Trim(), "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>A 400 when the format is neither json nor csv; null when it is fine.</summary>
    public static IResult? CheckFormat(string? format) =>
        format is null || Wanted(format) || string.Equals(format.Trim(), "json", StringComparison.OrdinalIgnoreCase)
            ? null
            : AdminProblems.Invalid("format", $"'{format}' is not a format; use json (the default) or csv");

    /// <summary>The rows as a CSV file named <paramref name="name"/>.csv, under a header line.</summary>
    public static IResult File<T>(string name, IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. columns.Select(c => c.Header)]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. columns.Select(c => Cell(c.Value(row)))]);
            }
        }
        return Results.File(buffer.ToArray(), ContentType, name + ".csv");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset at => VietnamTime.Iso(at),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Several values in one cell, separated by "; ".</summary>
    public static string Join(IEnumerable<string> values) => string.Join("; ", values);

    /// <summary>"reason=n; reason=n" for counters by reason.</summary>
    public static string Join(IReadOnlyDictionary<string, long> counts) =>
        string.Join("; ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));
}
