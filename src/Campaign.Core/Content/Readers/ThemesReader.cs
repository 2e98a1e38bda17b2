using Campaign.Core.Content.Yaml;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>themes.yaml</c>: <c>themes: [ { id, name, sms_name } ]</c>.</summary>
internal static class ThemesReader
{
    public static List<Theme> Read(YamlContentFile file)
    {
        var themes = new List<Theme>();
        if (file.Root is not { } root)
        {
            return themes;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in file.MappingList(root, "themes", "'id', 'name' and 'sms_name'"))
        {
            var id = file.RequiredString(item, "id", "themes[].id");
            var name = file.RequiredString(item, "name", "themes[].name");
            var smsName = file.RequiredString(item, "sms_name", "themes[].sms_name");
            if (id is null || name is null || smsName is null)
            {
                continue;
            }
            if (!seen.Add(id))
            {
                file.Error(item, $"duplicate theme id '{id}'");
                continue;
            }
            themes.Add(new Theme(id, name, smsName));
        }
        return themes;
    }
}
