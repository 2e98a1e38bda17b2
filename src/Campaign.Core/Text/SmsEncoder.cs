namespace Campaign.Core.Text;

/// <summary>
/// Works out how a text travels as SMS under GSM 03.38: which encoding it needs and how many
/// segments it takes.
/// </summary>
public static class SmsEncoder
{
    private const int SingleGsm7Septets = 160;
    private const int ConcatenatedGsm7Septets = 153;
    private const int SingleUcs2Units = 70;
    private const int ConcatenatedUcs2Units = 67;

    /// <summary>
    /// Analyses <paramref name="text"/> as it would be sent.
    /// </summary>
    /// <param name="text">The exact message text.</param>
    /// <returns>
    /// GSM-7 when every character is in the GSM default alphabet or its extension table,
    /// otherwise UCS-2. A text that fits one message is one segment; a longer one is split into
    /// concatenated parts (153 septets or 67 units each, the rest holds the concatenation header)
    /// filled greedily without splitting an escaped extension character or a surrogate pair, as
    /// handsets and SMS centres do, so the count can exceed the plain length divided by the part
    /// size.
    /// </returns>
    public static SmsAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        if (text.Length == 0)
        {
            return new SmsAnalysis(SmsEncoding.Gsm7, 0, 0);
        }

        return text.AsSpan().ContainsAnyExcept(Gsm7Alphabet.All) ? AnalyzeUcs2(text) : AnalyzeGsm7(text);
    }

    private static SmsAnalysis AnalyzeGsm7(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            septets += Gsm7Alphabet.SeptetsFor(c);
        }

        if (septets <= SingleGsm7Septets)
        {
            return new SmsAnalysis(SmsEncoding.Gsm7, septets, 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var size = Gsm7Alphabet.SeptetsFor(c);
            if (used + size > ConcatenatedGsm7Septets)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsAnalysis(SmsEncoding.Gsm7, septets, segments);
    }

    private static SmsAnalysis AnalyzeUcs2(string text)
    {
        if (text.Length <= SingleUcs2Units)
        {
            return new SmsAnalysis(SmsEncoding.Ucs2, text.Length, 1);
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + size > ConcatenatedUcs2Units)
            {
                segments++;
                used = 0;
            }

            used += size;
            i += size - 1;
        }

        return new SmsAnalysis(SmsEncoding.Ucs2, text.Length, segments);
    }
}
