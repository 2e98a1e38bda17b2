using Campaign.Core.Areas;
using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>
/// Reads <c>areas.yaml</c>: a tree of provinces, communes/wards and hamlets with codes, names and
/// optional settings. Refuses, with the line, anything that would make the tree lie: a duplicate
/// code, a level out of order, an official code of the wrong shape, a demo area not marked as one
/// (or mixed into an official branch), <c>former</c> below a province, an unknown field.
/// </summary>
internal static class AreasReader
{
    private static readonly string[] Fields = ["code", "name", "level", "demo", "official", "former", "settings", "children"];

    public static List<Area> Read(YamlContentFile file, IReadOnlyDictionary<string, Placeholder> placeholders)
    {
        var areas = new List<Area>();
        if (file.Root is { } root)
        {
            if (YamlContentFile.Get(root, "areas") is YamlSequenceNode list)
            {
                var reader = new Reader(file, placeholders, areas);
                reader.ReadLevel(list, parent: null);
            }
            else
            {
                file.Error(root, "missing list 'areas'");
            }
        }
        return areas;
    }

    private sealed class Reader(YamlContentFile file, IReadOnlyDictionary<string, Placeholder> placeholders, List<Area> areas)
    {
        // Code -> line of its first use, to name both places of a duplicate.
        private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

        public void ReadLevel(YamlSequenceNode list, Area? parent)
        {
            foreach (var node in list.Children)
            {
                if (node is not YamlMappingNode item)
                {
                    file.Error(node, "each area needs 'code', 'name' and 'level'");
                    continue;
                }
                if (ReadArea(item, parent) is { } area && YamlContentFile.Get(item, "children") is { } children)
                {
                    if (children is YamlSequenceNode childList)
                    {
                        ReadLevel(childList, area);
                    }
                    else
                    {
                        file.Error(children, "'children' must be a list of areas");
                    }
                }
            }
        }

        private Area? ReadArea(YamlMappingNode item, Area? parent)
        {
            foreach (var key in item.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } field } && !Fields.Contains(field))
                {
                    file.Error(key, $"unknown field '{field}' (an area has: {string.Join(", ", Fields)})");
                }
            }
            var name = file.RequiredString(item, "name", "areas[].name");
            var levelText = file.RequiredString(item, "level", "areas[].level");
            var demo = Flag(item, "demo");
            var official = Flag(item, "official");
            var code = Code(item, official);
            if (name is null || levelText is null)
            {
                return null;
            }
            AreaLevel? parsed = levelText.ToLowerInvariant() switch
            {
                "province" => AreaLevel.Province,
                "commune" => AreaLevel.Commune,
                "hamlet" => AreaLevel.Hamlet,
                _ => null,
            };
            if (parsed is not { } level)
            {
                file.Error(YamlContentFile.Get(item, "level"), $"level '{levelText}' is not province, commune or hamlet");
                return null;
            }
            CheckLevelOrder(item, level, parent);
            var former = Former(item, level);
            var settings = Settings(item);
            if (code is null)
            {
                // An official unit whose code is not confirmed yet: listed for reference, not loaded,
                // since nothing can refer to it. Nothing may hang below it until it has its code.
                if (official && KeyNode(item, "children") is { } children)
                {
                    file.Error(children, $"'{name}' has no code yet, so no areas can sit below it: add its official code first");
                }
                return null;
            }
            if (_seen.TryGetValue(code, out var firstLine))
            {
                file.Error(YamlContentFile.Get(item, "code"), $"duplicate area code '{code}' (first used at line {firstLine})");
                return null;
            }
            _seen[code] = YamlContentFile.Line(YamlContentFile.Get(item, "code")!);
            var isDemo = CheckKind(item, code, level, demo, official, parent);
            var area = new Area(code, name, level, parent?.Code, isDemo, settings) { Former = former };
            areas.Add(area);
            return area;
        }

        /// <summary>The code; missing is allowed only on an official unit whose code is not confirmed.</summary>
        private string? Code(YamlMappingNode item, bool official)
        {
            if (YamlContentFile.Get(item, "code") is null && official)
            {
                return null;
            }
            return file.RequiredString(item, "code", "areas[].code");
        }

        private void CheckLevelOrder(YamlMappingNode item, AreaLevel level, Area? parent)
        {
            var expected = parent?.Level switch
            {
                null => AreaLevel.Province,
                AreaLevel.Province => AreaLevel.Commune,
                AreaLevel.Commune => AreaLevel.Hamlet,
                _ => (AreaLevel?)null,
            };
            var levelNode = YamlContentFile.Get(item, "level");
            if (expected is null)
            {
                file.Error(levelNode, $"nothing can sit below hamlet '{parent!.Code}': a hamlet is the lowest level");
            }
            else if (level != expected)
            {
                var where = parent is null ? "at the top of the tree" : $"below {Describe(parent.Level)} '{parent.Code}'";
                file.Error(levelNode, $"{Describe(level)} cannot sit {where}: only {Plural(expected.Value)} can (province > commune > hamlet)");
            }
        }

        /// <summary>Demo or official, consistently with the code, its shape and the branch it sits in; true when demo.</summary>
        private bool CheckKind(YamlMappingNode item, string code, AreaLevel level, bool demo, bool official, Area? parent)
        {
            var codeNode = YamlContentFile.Get(item, "code");
            var looksDemo = code.StartsWith('D') || code.StartsWith('d');
            if (looksDemo)
            {
                if (!demo)
                {
                    file.Error(codeNode, $"code '{code}' starts with D, which marks a demo area: add 'demo: true' (official codes are digits only)");
                }
                if (official)
                {
                    file.Error(YamlContentFile.Get(item, "official"), $"'{code}' is a demo code and cannot be 'official: true'");
                }
            }
            else
            {
                if (demo)
                {
                    file.Error(YamlContentFile.Get(item, "demo"), $"'demo: true' needs a code starting with D, not '{code}', so demo areas stand out everywhere");
                }
                if (!official)
                {
                    file.Error(codeNode, $"'{code}' is not a demo code: mark it 'official: true' if it is from the national list, or give it a demo code starting with D");
                }
                var digits = level switch
                {
                    AreaLevel.Province => 2,
                    AreaLevel.Commune => 5,
                    _ => 0,
                };
                if (digits == 0)
                {
                    file.Error(codeNode, $"hamlet '{code}' cannot have an official code: the national list stops at communes and wards; use a demo code for now");
                }
                else if (code.Length != digits || !code.All(char.IsAsciiDigit))
                {
                    file.Error(codeNode, $"official {Describe(level)} code '{code}' must be {digits} digits (quote it to keep leading zeros: \"{new string('0', digits - 1)}1\")");
                }
            }
            if (parent is not null && parent.IsDemo != looksDemo)
            {
                file.Error(codeNode, looksDemo
                    ? $"demo area '{code}' cannot sit below official area '{parent.Code}': audiences for real places must never reach demo subscribers"
                    : $"official area '{code}' cannot sit below demo area '{parent.Code}'");
            }
            return looksDemo;
        }

        private string[] Former(YamlMappingNode item, AreaLevel level)
        {
            if (YamlContentFile.Get(item, "former") is not { } node)
            {
                return [];
            }
            if (level != AreaLevel.Province)
            {
                file.Error(node, "'former' lists the old provinces a province was formed from; it belongs on provinces only");
                return [];
            }
            return file.StringList(item, "former", "former", required: false).Select(f => f.Value).ToArray();
        }

        private bool Flag(YamlMappingNode item, string key)
        {
            if (YamlContentFile.Get(item, key) is not { } node)
            {
                return false;
            }
            var text = (node as YamlScalarNode)?.Value?.Trim();
            if (text is "true" or "yes")
            {
                return true;
            }
            if (text is not ("false" or "no"))
            {
                file.Error(node, $"'{key}' must be true or false");
            }
            return false;
        }

        private Dictionary<string, string> Settings(YamlMappingNode item)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (YamlContentFile.Get(item, "settings") is not { } node)
            {
                return settings;
            }
            if (node is not YamlMappingNode map)
            {
                file.Error(node, "'settings' must be a mapping (placeholder: value)");
                return settings;
            }
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                var value = (v as YamlScalarNode)?.Value?.Trim() ?? "";
                if (!placeholders.TryGetValue(key, out var placeholder))
                {
                    file.Error(k, $"setting '{key}' is not a placeholder in placeholders.yaml");
                }
                else if (value.Length == 0 || value.Length > placeholder.MaxLength)
                {
                    file.Error(v, $"setting '{key}' must be 1 to {placeholder.MaxLength} characters");
                }
                else
                {
                    settings[key] = value;
                }
            }
            return settings;
        }

        /// <summary>The key itself, for errors about a block whose value starts on a later line.</summary>
        private static YamlNode? KeyNode(YamlMappingNode item, string key) =>
            item.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);

        private static string Describe(AreaLevel level) => level.ToString().ToLowerInvariant();

        private static string Plural(AreaLevel level) => Describe(level) + "s";
    }
}
