using Campaign.Core.Areas;
using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>areas.yaml</c>: a tree of areas with codes, names, levels and optional settings.</summary>
internal static class AreasReader
{
    public static List<Area> Read(YamlContentFile file, IReadOnlyDictionary<string, Placeholder> placeholders)
    {
        var areas = new List<Area>();
        if (file.Root is { } root)
        {
            if (YamlContentFile.Get(root, "areas") is YamlSequenceNode list)
            {
                ReadLevel(file, list, null, areas, placeholders, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            }
            else
            {
                file.Error(root, "missing list 'areas'");
            }
        }
        return areas;
    }

    private static void ReadLevel(YamlContentFile file, YamlSequenceNode list, Area? parent, List<Area> areas, IReadOnlyDictionary<string, Placeholder> placeholders, HashSet<string> seen)
    {
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode item)
            {
                file.Error(node, "each area needs 'code', 'name' and 'level'");
                continue;
            }
            var code = file.RequiredString(item, "code", "areas[].code");
            var name = file.RequiredString(item, "name", "areas[].name");
            var levelText = file.RequiredString(item, "level", "areas[].level");
            if (code is null || name is null || levelText is null)
            {
                continue;
            }
            if (!Enum.TryParse<AreaLevel>(levelText, ignoreCase: true, out var level))
            {
                file.Error(YamlContentFile.Get(item, "level"), $"level '{levelText}' is not province, commune or hamlet");
                continue;
            }
            if (!seen.Add(code))
            {
                file.Error(item, $"duplicate area code '{code}'");
                continue;
            }
            if (parent is not null && !code.StartsWith(parent.Code, StringComparison.OrdinalIgnoreCase))
            {
                file.Error(item, $"area code '{code}' must start with its parent's code '{parent.Code}' so campaigns can target by prefix");
            }
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (YamlContentFile.Get(item, "settings") is YamlMappingNode settingsNode)
            {
                foreach (var (k, v) in settingsNode.Children)
                {
                    var key = ((YamlScalarNode)k).Value ?? "";
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
            }
            var isDemo = (YamlContentFile.Get(item, "demo") as YamlScalarNode)?.Value is "true" or "yes";
            var area = new Area(code, name, level, parent?.Code, isDemo, settings);
            areas.Add(area);
            if (YamlContentFile.Get(item, "children") is YamlSequenceNode children)
            {
                ReadLevel(file, children, area, areas, placeholders, seen);
            }
        }
    }
}
