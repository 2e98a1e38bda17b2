using System.Text;

namespace Campaign.Core.Text;

/// <summary>
/// The form a typed keyword is compared in: marks folded, upper case, punctuation dropped, words
/// single-spaced. "  dk, nhận-tin! " and "DK NHAN TIN" are the same keyword.
/// </summary>
public static class KeywordForm
{
    public static string Of(string text)
    {
        var folded = Diacritics.Fold(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                sb.Append(char.ToUpperInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }
}
