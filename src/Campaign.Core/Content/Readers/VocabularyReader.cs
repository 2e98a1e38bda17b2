using Campaign.Core.Content.Yaml;
using Campaign.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>text/abbreviations.yaml</c> and <c>text/stopwords.yaml</c>.</summary>
internal static class VocabularyReader
{
    public static Dictionary<string, string> ReadAbbreviations(YamlContentFile file)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Root is not { } root || file.RequiredMapping(root, "abbreviations", "abbreviations") is not { } list)
        {
            return map;
        }
        foreach (var (keyNode, valueNode) in list.Children)
        {
            var key = Diacritics.ToNfc(((YamlScalarNode)keyNode).Value ?? "").Trim().ToLowerInvariant();
            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } value } || key.Length == 0 || key.Contains(' '))
            {
                file.Error(keyNode, "each abbreviation is one word mapped to its expansion, e.g. 'ko: không'");
                continue;
            }
            if (map.TryGetValue(key, out var existing) && existing != value.Trim())
            {
                file.Error(keyNode, $"'{key}' is listed twice with different expansions ('{existing}', '{value.Trim()}')");
                continue;
            }
            map[key] = value.Trim().ToLowerInvariant();
        }
        return map;
    }

    public static HashSet<string> ReadStopWords(YamlContentFile file)
    {
        if (file.Root is not { } root)
        {
            return [];
        }
        return file.StringList(root, "stopwords", "stopwords", required: true)
            .Select(w => Diacritics.ToNfc(w.Value).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
