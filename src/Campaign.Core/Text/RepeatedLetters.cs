namespace Campaign.Core.Text;

/// <summary>
/// Undoes letters held down or repeated for emphasis: "khongggg", "ooooi", "daaaa".
/// </summary>
public static class RepeatedLetters
{
    private const int MinRunToCollapse = 3;

    /// <summary>
    /// Collapses every run of three or more of the same letter to one letter.
    /// </summary>
    /// <param name="word">The word or text to tidy.</param>
    /// <returns>
    /// The collapsed text, or the same instance as <paramref name="word"/> when it has no such run.
    /// </returns>
    /// <remarks>
    /// Runs of two are kept because they are meaningful Telex keys ("khoong", "ddi"). Only
    /// letters collapse, compared case-sensitively; digits ("1000") and punctuation ("!!!") stay.
    /// </remarks>
    public static string Collapse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        var firstRun = FindRun(word, 0);
        if (firstRun < 0)
        {
            return word;
        }

        return string.Create(word.Length - CountRemoved(word, firstRun), (word, firstRun), static (destination, state) =>
        {
            var (source, start) = state;
            source.AsSpan(0, start).CopyTo(destination);
            var written = start;
            var i = start;
            while (i < source.Length)
            {
                var c = source[i];
                var runLength = RunLength(source, i);
                var keep = runLength >= MinRunToCollapse && char.IsLetter(c) ? 1 : runLength;
                destination.Slice(written, keep).Fill(c);
                written += keep;
                i += runLength;
            }
        });
    }

    private static int FindRun(string text, int start)
    {
        for (var i = start; i + MinRunToCollapse <= text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c) && text[i + 1] == c && text[i + 2] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountRemoved(string text, int start)
    {
        var removed = 0;
        var i = start;
        while (i < text.Length)
        {
            var runLength = RunLength(text, i);
            if (runLength >= MinRunToCollapse && char.IsLetter(text[i]))
            {
                removed += runLength - 1;
            }

            i += runLength;
        }

        return removed;
    }

    private static int RunLength(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && text[end] == text[start])
        {
            end++;
        }

        return end - start;
    }
}
