namespace Campaign.Core.Content;

/// <summary>
/// The keywords residents type for each command, keyed by their canonical form: folded, upper case,
/// single-spaced ("DANG KY"). <see cref="Conversations.CommandParser"/> reduces a message to the same form.
/// </summary>
public sealed class CommandKeywords
{
    private readonly Dictionary<string, CommandKind> _byKeyword;

    public CommandKeywords(IReadOnlyDictionary<string, CommandKind> byKeyword)
    {
        _byKeyword = new Dictionary<string, CommandKind>(byKeyword, StringComparer.Ordinal);
        LongestKeywordWords = _byKeyword.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>How many words the longest keyword has, so parsers know how far to look.</summary>
    public int LongestKeywordWords { get; }

    public IEnumerable<KeyValuePair<string, CommandKind>> All => _byKeyword;

    public bool TryGet(string canonicalKeyword, out CommandKind kind) => _byKeyword.TryGetValue(canonicalKeyword, out kind);

    /// <summary>The first keyword listed for a command, for help texts and tests.</summary>
    public string Primary(CommandKind kind) => _byKeyword.First(p => p.Value == kind).Key;
}
