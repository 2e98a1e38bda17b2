using Campaign.Core.Content.Yaml;
using Campaign.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>commands.yaml</c>: <c>commands: { subscribe: [...], opt_out: [...], ... }</c>.</summary>
internal static class CommandsReader
{
    private static readonly Dictionary<string, CommandKind> Kinds = new(StringComparer.Ordinal)
    {
        ["subscribe"] = CommandKind.Subscribe,
        ["opt_out"] = CommandKind.OptOut,
        ["opt_in"] = CommandKind.OptIn,
        ["help"] = CommandKind.Help,
        ["menu"] = CommandKind.Menu,
    };

    public static CommandKeywords Read(YamlContentFile file)
    {
        var byKeyword = new Dictionary<string, CommandKind>(StringComparer.Ordinal);
        if (file.Root is not { } root || file.RequiredMapping(root, "commands", "commands") is not { } map)
        {
            return new CommandKeywords(byKeyword);
        }
        foreach (var (name, kind) in Kinds)
        {
            foreach (var (keyword, node) in file.StringList(map, name, $"commands.{name}", required: true))
            {
                var canonical = KeywordForm.Of(keyword);
                if (canonical.Length == 0)
                {
                    file.Error(node, $"keyword '{keyword}' has no letters or digits");
                }
                else if (byKeyword.TryGetValue(canonical, out var other) && other != kind)
                {
                    file.Error(node, $"keyword '{keyword}' is already a '{other}' command; one keyword cannot mean two things");
                }
                else
                {
                    byKeyword[canonical] = kind;
                }
            }
        }
        foreach (var (keyNode, _) in map.Children)
        {
            if (!Kinds.ContainsKey(((YamlScalarNode)keyNode).Value ?? ""))
            {
                file.Error(keyNode, $"unknown command '{keyNode}'; known commands are {string.Join(", ", Kinds.Keys)}");
            }
        }
        return new CommandKeywords(byKeyword);
    }
}
