using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Campaign.Core.Text;

/// <summary>
/// Recovers words typed with the Telex input method when the method was off or failed and left
/// its key strokes in the text: "khoong" for "không", "dduowcj" for "được".
/// </summary>
/// <remarks>
/// Works on folded words, so the result is folded too ("khong", "duoc"). A word is only repaired
/// when it is not already a Vietnamese syllable and the repaired spelling is one, so ordinary
/// words and English or brand names pass through unchanged.
/// </remarks>
public static class TelexRepair
{
    // The longest key sequence for one syllable, e.g. "nghieengx" or "nguwowif", with room to spare.
    private const int MaxKeyStrokes = 12;

    // Brands and services named in campaign content: never read as Telex, whatever the rules say.
    private static readonly FrozenSet<string> s_brandWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "facebook", "zalo", "google", "youtube", "tiktok", "messenger", "gmail", "email",
        "sms", "otp", "qr", "vneid", "vssid", "ocop", "internet", "wifi", "postmart", "momo",
        "vnpt", "viettel", "mobifone", "vinaphone", "vietnamobile", "gmobile");

    // Loanwords spelled with a plain double o, which Telex would read as ô. Other such words
    // ("boong", "loong") are read as Telex: "bông" and "lông" are far more common.
    private static readonly FrozenSet<string> s_plainDoubleOLoanwords = FrozenSet.Create(
        StringComparer.Ordinal,
        "xoong", "mooc", "sooc");

    // Common English words that are also Telex for a syllable ("test" for "tét", "was" for
    // "ứa"), where the English reading is the likelier one in a chat. Words whose Telex reading is
    // everyday Vietnamese ("own" for "ơn", "sex" for "sẽ", "max" for "mã", "its" for "ít") are
    // deliberately not here.
    private static readonly FrozenSet<string> s_englishWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "as", "is", "us", "or", "of", "if", "his", "has", "her", "was", "this", "bus", "best",
        "test", "text", "post", "host", "cost", "most", "list", "lost", "past", "left", "part",
        "box", "tax", "mix", "bar", "see", "seen", "keep", "meet", "deep", "door", "room", "soon",
        "too", "now", "how", "low", "down", "town", "tree", "chair", "pair", "oops");

    /// <summary>
    /// Returns the folded Vietnamese syllable that <paramref name="word"/> was meant to be when it
    /// holds leftover Telex keys, or <paramref name="word"/> itself.
    /// </summary>
    /// <param name="word">One folded word in lower-case ASCII letters.</param>
    /// <returns>
    /// The repaired folded syllable, such as "khong" for "khoong" or "nguoi" for "nguwowif";
    /// otherwise the same instance as <paramref name="word"/>, including when it has anything but
    /// lower-case ASCII letters.
    /// </returns>
    /// <remarks>
    /// Understands the modifier keys aa, aw, ee, oo, ow, uw, a lone w (ư), dd at the start, the
    /// half-typed ươ ("uow", "uwo" before a final), and one tone key (s, f, r, x, j) after the
    /// vowels, last or before the final consonant ("vieejt"). Keys Telex reads as "undo"
    /// ("aaa", "ss") mean the letters were meant literally, so such words are left alone, and
    /// so are the brand names the campaign uses and common English words that happen to be valid
    /// Telex ("test", "was"). Callers should still prefer a word they already know over its
    /// repair: "cats" is English to them and "cát" to this method.
    /// </remarks>
    public static string RepairFoldedWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        if (s_brandWords.Contains(word)
            || s_plainDoubleOLoanwords.Contains(word)
            || s_englishWords.Contains(word))
        {
            return word;
        }

        return TryReadAsTelex(word, out var syllable) ? syllable : word;
    }

    /// <summary>
    /// Tells whether <paramref name="folded"/> is one Vietnamese syllable written without marks
    /// in lower case, following Vietnamese spelling rules: "khong", "duoc", "nghieng", "gi" and
    /// "quy" are; "ge", "kho0", "khoong", "sms" and "ocop" are not.
    /// </summary>
    /// <param name="folded">A folded lower-case word; đ must already be folded to d.</param>
    /// <returns><see langword="true"/> for a valid folded syllable.</returns>
    public static bool IsVietnameseSyllable(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);

        return VietnameseSyllable.IsValidFolded(folded);
    }

    /// <summary>The English words <see cref="RepairFoldedWord"/> keeps although they read as Telex.</summary>
    internal static IEnumerable<string> EnglishWordsReadableAsTelex => s_englishWords;

    /// <summary>
    /// Reads <paramref name="word"/> as Telex keys, ignoring the kept brand and English words.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> with the folded syllable when <paramref name="word"/> is not a
    /// syllable itself and its Telex reading is one.
    /// </returns>
    internal static bool TryReadAsTelex(string word, [NotNullWhen(true)] out string? syllable)
    {
        syllable = null;
        if (word.Length < 2
            || word.Length > MaxKeyStrokes
            || word.AsSpan().ContainsAnyExceptInRange('a', 'z')
            || (VietnameseSyllable.IsValidFolded(word) && !VietnameseSyllable.IsPlainDoubleOWord(word)))
        {
            return false;
        }

        // A lone w becomes "uw", so the Telex spelling can be longer than the keys.
        Span<char> telex = stackalloc char[MaxKeyStrokes * 2];
        var telexLength = ReadTelex(word, telex);
        if (telexLength < 0 || !VietnameseSyllable.IsValidTelex(telex[..telexLength]))
        {
            return false;
        }

        Span<char> folded = stackalloc char[MaxKeyStrokes * 2];
        syllable = new string(folded[..VietnameseSyllable.FoldTelex(telex[..telexLength], folded)]);
        return true;
    }

    // Replays the keys as Telex would and writes the syllable in canonical Telex (see
    // VietnameseSyllable), without its tone. Returns the length written, or -1 when the word
    // holds no Telex key or holds one where Telex would not read it as a key.
    private static int ReadTelex(ReadOnlySpan<char> keys, Span<char> telex)
    {
        var length = 0;
        var usedKey = false;
        var sawVowel = false;
        var sawToneKey = false;
        var i = 0;

        if (keys.StartsWith("dd"))
        {
            if (keys.Length > 2 && keys[2] == 'd')
            {
                return -1;
            }

            telex[length++] = 'd';
            telex[length++] = 'd';
            usedKey = true;
            i = 2;
        }

        while (i < keys.Length)
        {
            var key = keys[i];
            var next = i + 1 < keys.Length ? keys[i + 1] : '\0';

            if (sawToneKey && !IsFinalConsonant(key))
            {
                // People type the tone last or just before the final consonant; a vowel after
                // it means these were not Telex keys ("sure", "hero").
                return -1;
            }

            if (IsModifierPair(key, next))
            {
                // A third identical key undoes the modifier: the letters were meant literally.
                if (i + 2 < keys.Length && keys[i + 2] == next)
                {
                    return -1;
                }

                telex[length++] = key;
                telex[length++] = next;
                sawVowel = true;
                usedKey = true;
                i += 2;
            }
            else if (key == 'w')
            {
                // A lone w types ư where a vowel can start: after a consonant or at the start of
                // the word ("nhw" for "như", "wa" for "ưa").
                if (next == 'w' || (length > 0 && telex[length - 1] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w'))
                {
                    return -1;
                }

                telex[length++] = 'u';
                telex[length++] = 'w';
                sawVowel = true;
                usedKey = true;
                i++;
            }
            else if (sawVowel && IsToneKey(key))
            {
                // No Vietnamese syllable has these letters after its vowel, so this is a tone key.
                sawToneKey = true;
                usedKey = true;
                i++;
            }
            else
            {
                telex[length++] = key;
                sawVowel |= IsVowel(key);
                i++;
            }
        }

        return usedKey ? length + CompleteUwow(telex, length) : -1;
    }

    // Input methods complete ươ from half of it when a final follows: "uow" + "c" and "uwo" + "ng"
    // are typed for "ươc" and "ương". Without a final, "uow" stays uơ ("thuowr" for "thuở").
    private static int CompleteUwow(Span<char> telex, int length)
    {
        var written = telex[..length];
        var half = written.IndexOf("uow");
        if (half >= 0 && half + 3 < length)
        {
            written[(half + 1)..].CopyTo(telex[(half + 2)..]);
            telex[half + 1] = 'w';
            return 1;
        }

        half = written.IndexOf("uwo");
        if (half >= 0 && half + 3 < length && written[half + 3] != 'w')
        {
            written[(half + 3)..].CopyTo(telex[(half + 4)..]);
            telex[half + 3] = 'w';
            return 1;
        }

        return 0;
    }

    private static bool IsModifierPair(char key, char next) => (key, next) switch
    {
        ('a', 'a') or ('a', 'w') => true, // â, ă
        ('e', 'e') => true, // ê
        ('o', 'o') or ('o', 'w') => true, // ô, ơ
        ('u', 'w') => true, // ư
        _ => false,
    };

    private static bool IsToneKey(char key) => key is 's' or 'f' or 'r' or 'x' or 'j';

    // The letters of the finals c, ch, m, n, ng, nh, p and t.
    private static bool IsFinalConsonant(char key) => key is 'c' or 'h' or 'm' or 'n' or 'g' or 'p' or 't';

    private static bool IsVowel(char letter) => letter is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
