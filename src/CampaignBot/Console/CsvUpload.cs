using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CampaignBot.Console;

/// <summary>
/// A CSV file uploaded as a request body (UTF-8, a byte order mark allowed; the separator is
/// detected: ',' or ';' as Excel writes it in Vietnamese, tab or '|'). The body is buffered (in
/// memory, then a temporary file) up to a cap so that it can be read twice: first to check that it
/// is well-formed CSV with the needed columns — a malformed file is refused whole, with nothing
/// imported — then row by row, streamed, never held as rows in memory. Empty lines, and rows
/// whose values are all empty (what Excel writes for formatted blank rows), are not rows.
/// </summary>
internal sealed class CsvUpload
{
    // A record longer than this is an unclosed quote swallowing the file, not a resident.
    private const int MaxRecordBytes = 64 * 1024;
    private const int MemoryThreshold = 1024 * 1024;

    private static readonly string[] CsvMediaTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrackLineNumbers = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MaxRecordSize = MaxRecordBytes,
    };

    private readonly Stream _body;
    private readonly int[] _indexes;

    private CsvUpload(Stream body, int[] indexes, int headerFieldCount, char separator, IReadOnlyList<string> ignored)
    {
        _body = body;
        _indexes = indexes;
        HeaderFieldCount = headerFieldCount;
        Separator = separator;
        IgnoredColumns = ignored;
    }

    /// <summary>How many fields the header has.</summary>
    public int HeaderFieldCount { get; }

    public char Separator { get; }

    /// <summary>Header names that are not columns of this import, in file order.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Buffers the body up to <paramref name="maxBytes"/> and checks it is CSV with <paramref name="columns"/>.</summary>
    public static async Task<CsvReceipt> ReceiveAsync(HttpContext context, long maxBytes, CsvColumns columns)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(columns);
        var request = context.Request;
        if (!IsCsv(request.ContentType))
        {
            return new(null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as CSV",
                detail: $"The body must be a CSV file in UTF-8 (Content-Type: text/csv), with the header {columns.Example}."), "unsupported_media_type");
        }
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        // Raise (or lower) Kestrel's per-request cap to this route's, so a chunked body is cut off too.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        request.EnableBuffering(MemoryThreshold);
        try
        {
            await request.Body.DrainAsync(ArrayPool<byte>.Shared, maxBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (InvalidDataException)
        {
            return TooLarge(maxBytes);
        }

        var problem = await CheckAsync(request.Body, columns, context.RequestAborted);
        if (problem.Problem is { } found)
        {
            return new(null, AdminProblems.Csv(found), "malformed_csv", found);
        }
        return new(problem.Upload, null, null);
    }

    /// <summary>The data records, in file order, read again from the buffered body.</summary>
    public async IAsyncEnumerable<CsvLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _body.Position = 0;
        await using var reader = CsvReader.Create(_body, Options with { MalformedData = CsvMalformedDataHandling.Throw }, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (AllEmpty(reader))
            {
                continue;
            }
            var values = new string[_indexes.Length];
            for (var k = 0; k < _indexes.Length; k++)
            {
                var index = _indexes[k];
                values[k] = index >= 0 && index < reader.FieldCount ? reader.GetString(index) ?? "" : "";
            }
            yield return new CsvLine(reader.LineNumber, reader.FieldCount, values);
        }
    }

    private static async Task<(CsvUpload? Upload, CsvProblem? Problem)> CheckAsync(Stream body, CsvColumns columns, CancellationToken cancellationToken)
    {
        body.Position = 0;
        CsvMalformedRecord? malformed = null;
        var options = Options with
        {
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed ??= record,
        };
        await using var reader = CsvReader.Create(body, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var headers = reader.Headers;
            if (malformed is { } badHeader)
            {
                return (null, Malformed(badHeader, reader.Separator, headers));
            }
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                return (null, new CsvProblem(1, null, null, $"the file is empty; its first line must name the columns, such as {columns.Example}"));
            }
            if (headers.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                return (null, new CsvProblem(1, null, null, "the header is not UTF-8 text; save the file as \"CSV UTF-8\""));
            }
            var (indexes, ignored, headerProblem) = MapHeader(headers, columns);
            if (headerProblem is not null)
            {
                return (null, headerProblem);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                if (malformed is not null)
                {
                    break;
                }
                if (!Utf8.IsValid(reader.RawRecord))
                {
                    return (null, new CsvProblem(reader.LineNumber, null, null, "not UTF-8 text; save the file as \"CSV UTF-8\""));
                }
            }
            if (malformed is { } bad)
            {
                return (null, Malformed(bad, reader.Separator, headers));
            }
            return (new CsvUpload(body, indexes, headers.Count, reader.Separator, ignored), null);
        }
        catch (CsvFormatException ex)
        {
            // A record over MaxRecordBytes: almost always a quote opened and never closed.
            return (null, new CsvProblem(Math.Max(ex.LineNumber, 1), null, null,
                $"a record longer than {MaxRecordBytes / 1024} KiB starts here; is a quote left open?"));
        }
    }

    private static (int[] Indexes, IReadOnlyList<string> Ignored, CsvProblem? Problem) MapHeader(IReadOnlyList<string> headers, CsvColumns columns)
    {
        var indexes = Enumerable.Repeat(-1, columns.All.Count).ToArray();
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            var known = -1;
            for (var k = 0; k < columns.All.Count; k++)
            {
                if (string.Equals(name, columns.All[k], StringComparison.OrdinalIgnoreCase))
                {
                    known = k;
                }
            }
            if (known < 0)
            {
                if (name.Length > 0)
                {
                    ignored.Add(name);
                }
                continue;
            }
            if (indexes[known] >= 0)
            {
                return (indexes, ignored, new CsvProblem(1, i + 1, columns.All[known],
                    $"'{columns.All[known]}' is already column {indexes[known] + 1}; name each column once"));
            }
            indexes[known] = i;
        }
        foreach (var required in columns.Required)
        {
            var k = columns.All.ToList().IndexOf(required);
            if (indexes[k] < 0)
            {
                return (indexes, ignored, new CsvProblem(1, null, required,
                    $"the header has no '{required}' column; the first line must name the columns, such as {columns.Example} (columns: {string.Join(", ", headers.Select(h => $"'{h}'"))})"));
            }
        }
        return (indexes, ignored, null);
    }

    private static CsvProblem Malformed(CsvMalformedRecord record, char separator, IReadOnlyList<string> headers)
    {
        var field = CsvQuoting.FirstBadField(record.RawRecord ?? "", separator);
        var message = record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted value; put the whole value in quotes and double each quote inside it (\"\")",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted value; put the whole value in quotes and double each quote inside it (\"\")",
            CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed; a quote is missing",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted value",
            CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
            _ => "malformed CSV",
        };
        return new CsvProblem(
            Math.Max(record.LineNumber, 1),
            field >= 0 ? field + 1 : null,
            field >= 0 && field < headers.Count ? headers[field] : null,
            message);
    }

    private static bool AllEmpty(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.IsEmpty(i))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsCsv(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }
        var charset = media.Charset.Value;
        return CsvMediaTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase)
            && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));
    }

    private static CsvReceipt TooLarge(long maxBytes) =>
        new(null, AdminProblems.TooLarge(maxBytes), "too_large");
}
