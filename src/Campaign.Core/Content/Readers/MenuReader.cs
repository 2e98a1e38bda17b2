using Campaign.Core.Content.Yaml;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>menu.yaml</c>: <c>menu: [faq-id, ...]</c>.</summary>
internal static class MenuReader
{
    public static List<(string Id, int Line)> Read(YamlContentFile file)
    {
        if (file.Root is not { } root)
        {
            return [];
        }
        var items = file.StringList(root, "menu", "menu", required: true)
            .Select(i => (i.Value, YamlContentFile.Line(i.Node)))
            .ToList();
        if (items.Count > ContentLimits.MenuMaxItems)
        {
            file.Error(root, $"the menu has {items.Count} items; keep it to {ContentLimits.MenuMaxItems} so each choice is one digit");
        }
        if (items.Count == 0)
        {
            file.Error(root, "the menu is empty");
        }
        return items;
    }
}
