using System.Text;

namespace Campaign.Core.Content;

/// <summary>
/// Content text with <c>{name}</c> placeholders, parsed once at load so rendering is a single pass.
/// Names are lower-case ASCII with underscores; any other brace is literal text.
/// </summary>
public sealed class TextTemplate
{
    private readonly string[] _literals;   // literal[i] precedes placeholder[i]; one more literal than placeholders
    private readonly string[] _names;

    private TextTemplate(string source, string[] literals, string[] names)
    {
        Source = source;
        _literals = literals;
        _names = names;
    }

    /// <summary>The text as written in content.</summary>
    public string Source { get; }

    /// <summary>Placeholder names in order of appearance (may repeat).</summary>
    public IReadOnlyList<string> Placeholders => _names;

    public static TextTemplate Parse(string source)
    {
        var literals = new List<string>();
        var names = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '{' && TryReadName(source, i, out var name, out var end))
            {
                literals.Add(literal.ToString());
                literal.Clear();
                names.Add(name);
                i = end;
                continue;
            }
            literal.Append(source[i]);
            i++;
        }
        literals.Add(literal.ToString());
        return new TextTemplate(source, [.. literals], [.. names]);
    }

    /// <summary>Fills every placeholder; one the resolver does not know renders as empty text.</summary>
    public string Render(Func<string, string?> resolve)
    {
        if (_names.Length == 0)
        {
            return Source;
        }
        var sb = new StringBuilder(Source.Length + 32);
        for (var i = 0; i < _names.Length; i++)
        {
            sb.Append(_literals[i]).Append(resolve(_names[i]));
        }
        return sb.Append(_literals[^1]).ToString();
    }

    public override string ToString() => Source;

    private static bool TryReadName(string s, int open, out string name, out int end)
    {
        var j = open + 1;
        while (j < s.Length && (char.IsAsciiLetterLower(s[j]) || s[j] == '_' || char.IsAsciiDigit(s[j])))
        {
            j++;
        }
        if (j > open + 1 && j < s.Length && s[j] == '}')
        {
            name = s[(open + 1)..j];
            end = j + 1;
            return true;
        }
        name = "";
        end = open;
        return false;
    }
}
