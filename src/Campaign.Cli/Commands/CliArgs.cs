namespace Campaign.Cli.Commands;

/// <summary>Positional words and --options, read the plain way (no parser package needed for a handful of commands).</summary>
internal sealed class CliArgs
{
    private readonly List<string> _words = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && TakesValue(args[i]);
                _options[args[i]] = hasValue ? args[++i] : null;
            }
            else
            {
                _words.Add(args[i]);
            }
        }
    }

    public string? Word(int index) => index < _words.Count ? _words[index] : null;

    public IReadOnlyList<string> Words => _words;

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    private static bool TakesValue(string option) => option is "--content" or "--channel" or "--from" or "--to" or "--name" or "--role" or "--areas" or "--username" or "--password";
}

/// <summary>Bad command-line use: the message is the usage to print.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
