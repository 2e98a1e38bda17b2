namespace CampaignBot.Console;

/// <summary>Why an uploaded CSV file cannot be read at all: where (physical line, 1-based column) and what to fix.</summary>
/// <param name="Column">The field's position in the record, 1-based; null when the problem is not in one field.</param>
/// <param name="ColumnName">The header's name for that column, or the missing column's name.</param>
public sealed record CsvProblem(long Line, int? Column, string? ColumnName, string Message)
{
    public override string ToString()
    {
        var where = Column is { } column
            ? $"line {Line}, column {column}{(ColumnName is { Length: > 0 } name ? $" ({name})" : "")}"
            : ColumnName is { Length: > 0 } missing ? $"line {Line}, column '{missing}'" : $"line {Line}";
        return $"{where}: {Message}";
    }
}
