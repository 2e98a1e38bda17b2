using System.Buffers;
using System.Text;

namespace Campaign.Core.Text;

/// <summary>
/// Removes Vietnamese (and other Latin) diacritics and normalises text to NFC.
/// </summary>
/// <remarks>
/// <para>
/// Residents type with and without marks, with Telex or VNI, and their phones send either
/// precomposed (NFC, <c>"ế"</c>) or decomposed (NFD, <c>"e\u0302\u0301"</c>) text, so every
/// comparison in the bot is made on folded text. <see cref="Fold"/> runs on every inbound
/// message inside the FAQ match budget, so it is a single table-driven pass that allocates
/// nothing for ASCII input and only the result string otherwise.
/// </para>
/// <para>
/// Methods never throw on ill-formed UTF-16 (a lone surrogate): it is kept as it is and the
/// rest of the text is still folded.
/// </para>
/// </remarks>
public static class Diacritics
{
    private const int StackBufferLength = 256;

    // Precomposed Latin letters live in two blocks: Latin-1 Supplement through Latin Extended-B,
    // and Latin Extended Additional, which holds almost every Vietnamese toned vowel.
    private const char LatinFirst = '\u00C0';
    private const char LatinLast = '\u024F';
    private const char LatinAdditionalFirst = '\u1E00';
    private const char LatinAdditionalLast = '\u1EFF';

    // Value per code point: '\0' when it is not a letter, otherwise the letter without its marks
    // (the letter itself when it has none, such as 'ß' or 'æ').
    private static readonly char[] s_latinFold = BuildFoldTable(LatinFirst, LatinLast);
    private static readonly char[] s_latinAdditionalFold = BuildFoldTable(LatinAdditionalFirst, LatinAdditionalLast);

    /// <summary>
    /// Removes diacritics from Latin letters: <c>"Tiếng Việt"</c> becomes <c>"Tieng Viet"</c>,
    /// <c>đ</c> becomes <c>d</c> and <c>Đ</c> becomes <c>D</c>.
    /// </summary>
    /// <param name="text">The text, precomposed (NFC), decomposed (NFD) or mixed.</param>
    /// <returns>
    /// The folded text in NFC, with case, digits, punctuation, emoji and non-Latin scripts kept.
    /// The same instance as <paramref name="text"/> when nothing changes.
    /// </returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var firstNonAscii = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (firstNonAscii < 0)
        {
            return text;
        }

        if (TryFoldLatin(text, firstNonAscii, out var folded))
        {
            return folded;
        }

        // Rare: a non-Latin letter followed by combining marks, or a character whose NFC form
        // differs from itself. Compose first, then the folding pass sees canonical text.
        var composed = ToNfcCore(text);
        firstNonAscii = composed.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (firstNonAscii < 0)
        {
            return composed;
        }

        TryFoldLatin(composed, firstNonAscii, out folded, composed: true);
        return folded;
    }

    /// <summary>
    /// Tells whether <paramref name="text"/> has any diacritic on a Latin letter, including
    /// <c>đ</c> and <c>Đ</c>, whether precomposed or as a combining mark.
    /// </summary>
    /// <param name="text">The text to inspect.</param>
    /// <returns><see langword="true"/> when <see cref="Fold"/> would remove something.</returns>
    public static bool HasMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var span = text.AsSpan();
        var firstNonAscii = span.IndexOfAnyExceptInRange('\0', '\u007F');
        if (firstNonAscii < 0)
        {
            return false;
        }

        var afterLatinLetter = firstNonAscii > 0 && char.IsAsciiLetter(span[firstNonAscii - 1]);
        for (var i = firstNonAscii; i < span.Length; i++)
        {
            var c = span[i];
            if (c < '\u0080')
            {
                afterLatinLetter = char.IsAsciiLetter(c);
            }
            else if (TryGetLatinFold(c, out var folded))
            {
                if (folded != c)
                {
                    return true;
                }

                afterLatinLetter = true;
            }
            else if (IsCombiningDiacritic(c))
            {
                if (afterLatinLetter)
                {
                    return true;
                }
            }
            else
            {
                afterLatinLetter = false;
            }
        }

        return false;
    }

    /// <summary>
    /// Normalises <paramref name="text"/> to Unicode Normalization Form C.
    /// </summary>
    /// <param name="text">The text to normalise.</param>
    /// <returns>
    /// The NFC text; the same instance when it is already NFC (always so for ASCII), or when it
    /// is ill-formed UTF-16 and so cannot be normalised.
    /// </returns>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') ? ToNfcCore(text) : text;
    }

    private static string ToNfcCore(string text)
    {
        // The OS normaliser rejects lone surrogates with an exception; inbound text must never
        // make the bot throw, so such text is left as it came.
        if (!IsWellFormedUtf16(text.AsSpan()))
        {
            return text;
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    // Folds in one pass. Unless the text is known to be composed, gives up (false) on anything
    // that composition could change, so that the common case never calls the OS normaliser.
    private static bool TryFoldLatin(string text, int firstNonAscii, out string folded, bool composed = false)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackBufferLength
            ? stackalloc char[text.Length]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));

        try
        {
            var source = text.AsSpan();
            source[..firstNonAscii].CopyTo(buffer);

            var written = firstNonAscii;
            var changed = false;
            var afterLatinLetter = firstNonAscii > 0 && char.IsAsciiLetter(source[firstNonAscii - 1]);

            for (var i = firstNonAscii; i < source.Length; i++)
            {
                var c = source[i];
                if (c < '\u0080')
                {
                    buffer[written++] = c;
                    afterLatinLetter = char.IsAsciiLetter(c);
                }
                else if (TryGetLatinFold(c, out var letter))
                {
                    buffer[written++] = letter;
                    changed |= letter != c;
                    afterLatinLetter = true;
                }
                else if (IsCombiningDiacritic(c))
                {
                    if (afterLatinLetter)
                    {
                        // A decomposed mark on a Latin letter: drop it, the letter was already copied.
                        changed = true;
                    }
                    else if (composed)
                    {
                        // A mark on some other script's letter belongs to that letter.
                        buffer[written++] = c;
                    }
                    else
                    {
                        folded = text;
                        return false;
                    }
                }
                else if (composed || IsCompositionStable(c))
                {
                    buffer[written++] = c;
                    afterLatinLetter = false;
                }
                else
                {
                    folded = text;
                    return false;
                }
            }

            folded = changed ? new string(buffer[..written]) : text;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Characters common in chat that NFC never changes and that never combine with a neighbour:
    // Latin-1 punctuation and symbols (incl. NBSP), typographic punctuation, currency signs,
    // variation selectors and emoji. Anything else sends the text through the OS normaliser.
    private static bool IsCompositionStable(char c) =>
        c <= '\u00BF'
        || (c >= LatinFirst && c <= LatinLast)
        || (c >= '\u2002' && c <= '\u206F')
        || (c >= '\u20A0' && c <= '\u20CF')
        || (c >= '\uFE00' && c <= '\uFE0F')
        || (c >= '\uD83C' && c <= '\uD83E')
        || char.IsLowSurrogate(c);

    private static bool TryGetLatinFold(char c, out char folded)
    {
        folded = c switch
        {
            >= LatinFirst and <= LatinLast => s_latinFold[c - LatinFirst],
            >= LatinAdditionalFirst and <= LatinAdditionalLast => s_latinAdditionalFold[c - LatinAdditionalFirst],
            _ => '\0',
        };
        return folded != '\0';
    }

    // Combining Diacritical Marks and their Extended and Supplement blocks, plus half marks.
    // Variation selectors and the emoji keycap mark are deliberately not included.
    private static bool IsCombiningDiacritic(char c) =>
        (c >= '\u0300' && c <= '\u036F')
        || (c >= '\u1AB0' && c <= '\u1AFF')
        || (c >= '\u1DC0' && c <= '\u1DFF')
        || (c >= '\uFE20' && c <= '\uFE2F');

    private static bool IsWellFormedUtf16(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (index >= 0 && index < text.Length)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index += 2;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
            else
            {
                index++;
            }
        }

        return true;
    }

    private static char[] BuildFoldTable(char first, char last)
    {
        var table = new char[last - first + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = FoldLetter((char)(first + i));
        }

        return table;
    }

    private static char FoldLetter(char c)
    {
        switch (c)
        {
            // Letters with a stroke have no canonical decomposition, so Unicode cannot fold them.
            case 'Đ':
            case 'Ð': // Eth: legacy Vietnamese fonts and encodings stand it in for Đ.
                return 'D';
            case 'đ':
            case 'ð':
                return 'd';
            case 'Ø':
                return 'O';
            case 'ø':
                return 'o';
            case 'Ł':
                return 'L';
            case 'ł':
                return 'l';
        }

        if (!char.IsLetter(c))
        {
            return '\0';
        }

        // NFD puts the base letter first and every mark after it, fully decomposed.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && IsAllCombiningDiacritics(decomposed.AsSpan(1)) ? decomposed[0] : c;
    }

    private static bool IsAllCombiningDiacritics(ReadOnlySpan<char> marks)
    {
        foreach (var mark in marks)
        {
            if (!IsCombiningDiacritic(mark))
            {
                return false;
            }
        }

        return true;
    }
}
