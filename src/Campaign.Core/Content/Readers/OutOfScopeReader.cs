using Campaign.Core.Content.Yaml;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>out-of-scope.yaml</c>: <c>out_of_scope: [ { id, label, phrasings } ]</c>.</summary>
internal static class OutOfScopeReader
{
    public static List<OutOfScopeGroup> Read(YamlContentFile file)
    {
        var groups = new List<OutOfScopeGroup>();
        if (file.Root is not { } root)
        {
            return groups;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in file.MappingList(root, "out_of_scope", "'id', 'label' and 'phrasings'"))
        {
            var id = file.RequiredString(item, "id", "out_of_scope[].id");
            var label = file.RequiredString(item, "label", "out_of_scope[].label");
            var phrasings = file.StringList(item, "phrasings", "out_of_scope[].phrasings", required: true);
            if (id is null || label is null || phrasings.Count == 0)
            {
                continue;
            }
            if (!seen.Add(id))
            {
                file.Error(item, $"duplicate out-of-scope id '{id}'");
                continue;
            }
            groups.Add(new OutOfScopeGroup(id, label, phrasings.Select(p => p.Value).ToArray()));
        }
        return groups;
    }
}
