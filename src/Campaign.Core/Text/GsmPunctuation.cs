using System.Buffers;
using System.Text;

namespace Campaign.Core.Text;

/// <summary>
/// Replaces typographic punctuation that GSM-7 lacks with the plain ASCII it stands for.
/// </summary>
/// <remarks>
/// Content is written in word processors and chat apps that curl quotes and join dashes; one
/// such character forces a whole SMS into UCS-2 and roughly doubles its segments.
/// </remarks>
internal static class GsmPunctuation
{
    private static readonly SearchValues<char> s_replaceable = SearchValues.Create(
        "\u201C\u201D\u201E\u201F" + // “ ” „ ‟
        "\u2018\u2019\u201A\u201B" + // ‘ ’ ‚ ‛
        "\u2012\u2013\u2014\u2015\u2212" + // ‒ – — ― −
        "\u2026" + // …
        "\u00A0\u2007\u202F"); // no-break, figure and narrow no-break spaces

    /// <summary>
    /// Returns <paramref name="text"/> with typographic punctuation made plain, or the same
    /// instance when there is none.
    /// </summary>
    public static string ToPlain(string text)
    {
        var first = text.AsSpan().IndexOfAny(s_replaceable);
        if (first < 0)
        {
            return text;
        }

        var plain = new StringBuilder(text.Length + 8);
        plain.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\u201C' or '\u201D' or '\u201E' or '\u201F':
                    plain.Append('"');
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B':
                    plain.Append('\'');
                    break;
                case '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                    plain.Append('-');
                    break;
                case '\u2026':
                    plain.Append("...");
                    break;
                case '\u00A0' or '\u2007' or '\u202F':
                    plain.Append(' ');
                    break;
                default:
                    plain.Append(c);
                    break;
            }
        }

        return plain.ToString();
    }
}
