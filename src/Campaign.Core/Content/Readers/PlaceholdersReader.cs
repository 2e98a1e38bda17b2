using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>placeholders.yaml</c>: <c>placeholders: { name: { description, default, max_length } }</c>.</summary>
internal static class PlaceholdersReader
{
    public static Dictionary<string, Placeholder> Read(YamlContentFile file)
    {
        var placeholders = new Dictionary<string, Placeholder>(StringComparer.Ordinal);
        if (file.Root is not { } root || file.RequiredMapping(root, "placeholders", "placeholders") is not { } map)
        {
            return placeholders;
        }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (valueNode is not YamlMappingNode item)
            {
                file.Error(valueNode, $"placeholder '{name}' must have 'description', 'default' and 'max_length'");
                continue;
            }
            var description = file.RequiredString(item, "description", $"placeholders.{name}.description");
            var fallback = file.RequiredString(item, "default", $"placeholders.{name}.default");
            var maxLength = file.RequiredInt(item, "max_length", $"placeholders.{name}.max_length");
            if (description is null || fallback is null || maxLength is null)
            {
                continue;
            }
            if (fallback.Length > maxLength)
            {
                file.Error(item, $"placeholder '{name}': the default is {fallback.Length} characters, over its max_length {maxLength}");
            }
            placeholders[name] = new Placeholder(name, description, fallback, maxLength.Value);
        }
        return placeholders;
    }
}
