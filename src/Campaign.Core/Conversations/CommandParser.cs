using Campaign.Core.Content;
using Campaign.Core.Text;

namespace Campaign.Core.Conversations;

/// <summary>
/// Recognises commands without caring about case, marks, spacing or punctuation: "dk", "Đăng ký!",
/// "  DANG   KY " are one command. Only subscribe may carry an argument ("DK D0101"); every other
/// command must be the whole message, so "huy ho so dich vu cong the nao" stays a question.
/// </summary>
public static class CommandParser
{
    public static ParsedCommand? Parse(string text, CommandKeywords keywords)
    {
        var canonical = KeywordForm.Of(text);
        if (canonical.Length == 0)
        {
            return null;
        }
        if (keywords.TryGet(canonical, out var whole))
        {
            return new ParsedCommand(whole, "");
        }
        var words = canonical.Split(' ');
        for (var n = Math.Min(keywords.LongestKeywordWords, words.Length - 1); n >= 1; n--)
        {
            var head = string.Join(' ', words, 0, n);
            if (keywords.TryGet(head, out var kind) && kind == CommandKind.Subscribe)
            {
                return new ParsedCommand(kind, string.Join(' ', words, n, words.Length - n));
            }
        }
        return null;
    }

    /// <summary>A bare choice number ("2", " 2. ", "số 2" is not one), or null.</summary>
    public static int? ParseChoice(string text)
    {
        var canonical = KeywordForm.Of(text);
        return canonical.Length is > 0 and <= 2 && canonical.All(char.IsAsciiDigit) ? int.Parse(canonical, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>An argument that looks like an area code rather than words: one token with a digit in it.</summary>
    public static bool LooksLikeCode(string argument) => !argument.Contains(' ') && argument.Any(char.IsAsciiDigit);
}
