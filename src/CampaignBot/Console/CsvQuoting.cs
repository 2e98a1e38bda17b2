namespace CampaignBot.Console;

/// <summary>
/// Finds which field of a record breaks RFC 4180 quoting, so a malformed file is refused naming the
/// column and not only the line. CsvHelper reports the record and the kind of problem; this walks
/// the record's raw text with the same rules (whitespace around a quoted field allowed).
/// </summary>
internal static class CsvQuoting
{
    /// <returns>The 0-based index of the first field with a quoting problem, or -1 when none is found.</returns>
    public static int FirstBadField(string rawRecord, char separator, char quote = '"')
    {
        ArgumentNullException.ThrowIfNull(rawRecord);
        var i = 0;
        for (var field = 0; ; field++)
        {
            var start = i;
            while (i < rawRecord.Length && rawRecord[i] is ' ' or '\t')
            {
                i++;
            }
            if (i < rawRecord.Length && rawRecord[i] == quote)
            {
                // Quoted: runs to the next lone quote; "" is an escaped quote.
                i++;
                var closed = false;
                while (i < rawRecord.Length)
                {
                    if (rawRecord[i] == quote)
                    {
                        if (i + 1 < rawRecord.Length && rawRecord[i + 1] == quote)
                        {
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    i++;
                }
                if (!closed)
                {
                    return field;
                }
                while (i < rawRecord.Length && rawRecord[i] is ' ' or '\t')
                {
                    i++;
                }
                if (i < rawRecord.Length && rawRecord[i] != separator)
                {
                    return field;
                }
            }
            else
            {
                i = start;
                while (i < rawRecord.Length && rawRecord[i] != separator)
                {
                    if (rawRecord[i] == quote)
                    {
                        return field;
                    }
                    i++;
                }
            }
            if (i >= rawRecord.Length)
            {
                return -1;
            }
            i++; // past the separator
        }
    }
}
