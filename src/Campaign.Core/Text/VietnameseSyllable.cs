using System.Buffers;
using System.Collections.Frozen;

namespace Campaign.Core.Text;

/// <summary>
/// The spelling rules of a single Vietnamese syllable, checked either on folded text (no marks,
/// đ as d) or on marked text spelled in canonical Telex.
/// </summary>
/// <remarks>
/// <para>
/// A syllable is an onset (possibly empty) followed by a rhyme. The rhyme table is written in
/// canonical Telex, one modifier right after its vowel: aa = â, aw = ă, ee = ê, oo = ô, ow = ơ,
/// uw = ư, and dd = đ for the onset. That keeps the marks (so "ưe" is rejected even though
/// "uê" exists) while keeping Vietnamese letters out of the source. The folded table is
/// derived from it: a folded rhyme is valid when one of its marked forms is.
/// </para>
/// <para>Tones are not part of either spelling.</para>
/// </remarks>
internal static class VietnameseSyllable
{
    /// <summary>The longest folded syllable, "nghieng".</summary>
    public const int MaxFoldedLength = 7;

    /// <summary>The longest canonical Telex syllable, "nghieeng" or "truwowng".</summary>
    public const int MaxTelexLength = 8;

    private static readonly SearchValues<char> s_vowels = SearchValues.Create("aeiouy");

    private static readonly string[] s_telexRhymes =
    [
        // Open rhymes.
        "a", "e", "ee", "i", "o", "oo", "ow", "u", "uw", "y",
        "ia", "ua", "uwa", "oa", "oe", "uee", "uy", "uya", "uow",
        // Rhymes closed by a semivowel (-i/-y, -o/-u).
        "ai", "ay", "aay", "oi", "ooi", "owi", "ui", "uwi", "uooi", "uwowi", "oai", "oay", "uaay",
        "ao", "au", "aau", "eo", "eeu", "iu", "uwu", "ieeu", "yeeu", "uwowu", "oao", "oeo", "uyu",
        // Rhymes closed by a consonant, by nucleus.
        "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
        "awc", "awm", "awn", "awng", "awp", "awt",
        "aac", "aam", "aan", "aang", "aap", "aat",
        "ec", "em", "en", "eng", "ep", "et",
        "eech", "eem", "een", "eenh", "eep", "eet",
        "ich", "im", "in", "inh", "ip", "it",
        "oc", "om", "on", "ong", "op", "ot",
        "ooc", "oom", "oon", "oong", "oop", "oot",
        "owm", "own", "owp", "owt",
        "uc", "um", "un", "ung", "up", "ut",
        "uwc", "uwm", "uwn", "uwng", "uwt",
        "ieec", "ieem", "ieen", "ieeng", "ieep", "ieet",
        "yeem", "yeen", "yeeng", "yeet",
        "uooc", "uoom", "uoon", "uoong", "uoot",
        "uwowc", "uwowm", "uwown", "uwowng", "uwowp", "uwowt",
        "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
        "oawc", "oawm", "oawn", "oawng", "oawt",
        "oen", "oet",
        "uaan", "uaang", "uaat",
        "ueech", "ueenh",
        "uych", "uynh", "uyt",
        "uyeen", "uyeet",
    ];

    private static readonly FrozenSet<string> s_foldedOnsets = FrozenSet.Create(
        StringComparer.Ordinal,
        "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x");

    private static readonly FrozenSet<string> s_telexOnsets = s_foldedOnsets.Append("dd").ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_telexRhymeSet = s_telexRhymes.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_foldedRhymeSet = s_telexRhymes.Select(FoldTelex).ToFrozenSet(StringComparer.Ordinal);

    // "oong"/"ooc" with a plain o come only from a few loanwords and sound words. Accepting them as
    // folded rhymes would make "khoong" (the Telex keys for "không") look valid, so they are
    // whole words instead.
    private static readonly FrozenSet<string> s_plainDoubleOWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "boong", "choong", "coong", "goong", "loong", "soong", "toong", "xoong", "cooc", "mooc", "sooc");

    private static readonly Spelling s_folded = new(s_foldedOnsets, s_foldedRhymeSet, MaxFoldedLength);
    private static readonly Spelling s_telex = new(s_telexOnsets, s_telexRhymeSet, MaxTelexLength);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_plainDoubleOLookup =
        s_plainDoubleOWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Tells whether <paramref name="folded"/> is one Vietnamese syllable spelled folded and in
    /// lower case, such as "khong", "duoc" or "nghieng".
    /// </summary>
    public static bool IsValidFolded(ReadOnlySpan<char> folded) =>
        IsPlainDoubleOWord(folded) || s_folded.IsValid(folded);

    /// <summary>
    /// Tells whether <paramref name="folded"/> is one of the few syllables spelled with a plain
    /// double o, such as "xoong" or "boong", which Telex would read as ô.
    /// </summary>
    public static bool IsPlainDoubleOWord(ReadOnlySpan<char> folded) => s_plainDoubleOLookup.Contains(folded);

    /// <summary>
    /// Tells whether <paramref name="telex"/> is one Vietnamese syllable spelled in canonical
    /// Telex without a tone, such as "khoong", "dduwowc" or "nghieeng".
    /// </summary>
    public static bool IsValidTelex(ReadOnlySpan<char> telex) => s_telex.IsValid(telex);

    /// <summary>
    /// Folds a canonical Telex spelling: drops the modifier keys, so "dduwowc" becomes "duoc".
    /// </summary>
    /// <returns>The number of letters written to <paramref name="folded"/>.</returns>
    public static int FoldTelex(ReadOnlySpan<char> telex, Span<char> folded)
    {
        var length = 0;
        for (var i = 0; i < telex.Length; i++)
        {
            var c = telex[i];
            if (c == 'w')
            {
                continue;
            }

            folded[length++] = c;
            if (c is ('a' or 'e' or 'o' or 'd') && i + 1 < telex.Length && telex[i + 1] == c)
            {
                i++;
            }
        }

        return length;
    }

    private static string FoldTelex(string telex)
    {
        Span<char> folded = stackalloc char[telex.Length];
        return new string(folded[..FoldTelex(telex, folded)]);
    }

    private sealed class Spelling(FrozenSet<string> onsets, FrozenSet<string> rhymes, int maxLength)
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _onsets = onsets.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _rhymes = rhymes.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool IsValid(ReadOnlySpan<char> syllable)
        {
            if (syllable.IsEmpty || syllable.Length > maxLength)
            {
                return false;
            }

            var onsetLength = syllable.IndexOfAny(s_vowels);
            if (onsetLength < 0)
            {
                return false;
            }

            var onset = syllable[..onsetLength];
            var rhyme = syllable[onsetLength..];

            if (onset is "g" && rhyme[0] == 'i')
            {
                // "gi" is its own onset ("gia", "giup", "giuwa") and may share its i with the
                // rhyme ("gi", "gin", "gieeng").
                var rest = rhyme[1..];
                return rest.IsEmpty || (rest[0] is not ('i' or 'y') && IsRhyme(rest, "gi")) || IsRhyme(rhyme, "gi");
            }

            if (onset is "q")
            {
                // q is always written with the glide u, which may start a glide rhyme ("quy",
                // "quynh", "quyeen") or stand before any other rhyme ("quai", "quen", "quooc").
                return rhyme.Length > 1
                    && rhyme[0] == 'u'
                    && rhyme[1] is not ('u' or 'w')
                    && (IsRhyme(rhyme, onset) || (rhyme[1] != 'y' && IsRhyme(rhyme[1..], onset)));
            }

            return (onset.IsEmpty || _onsets.Contains(onset)) && IsRhyme(rhyme, onset);
        }

        private bool IsRhyme(ReadOnlySpan<char> rhyme, ReadOnlySpan<char> onset)
        {
            if (!_rhymes.Contains(rhyme))
            {
                return false;
            }

            var first = rhyme[0];
            var frontVowel = first is 'e' or 'i' or 'y';

            // y + ê ("yên", "yêu") takes no onset; after a consonant the same sound is written iê.
            if (first == 'y' && rhyme.Length > 1 && !onset.IsEmpty)
            {
                return false;
            }

            return onset switch
            {
                // k, gh and ngh only before e, ê, i (and k before y); c, g and ng never.
                "k" => frontVowel,
                "gh" or "ngh" => first is 'e' or 'i',
                "c" or "g" or "ng" => !frontVowel,
                _ => true,
            };
        }
    }
}
