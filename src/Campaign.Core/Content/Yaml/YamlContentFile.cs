using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Yaml;

/// <summary>
/// One YAML file of content, read into nodes that keep their line numbers, with helpers that report
/// a missing or mistyped field at the line where it should be. Errors are collected, not thrown, so
/// one load reports every problem at once.
/// </summary>
internal sealed class YamlContentFile
{
    private readonly List<ContentError> _errors;

    private YamlContentFile(string relativePath, YamlMappingNode? root, List<ContentError> errors)
    {
        RelativePath = relativePath;
        Root = root;
        _errors = errors;
    }

    public string RelativePath { get; }

    /// <summary>The top-level mapping, or null when the file could not be read as one.</summary>
    public YamlMappingNode? Root { get; }

    public static YamlContentFile Read(string contentRoot, string path, List<ContentError> errors)
    {
        var relative = Path.GetRelativePath(contentRoot, path).Replace('\\', '/');
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                errors.Add(new ContentError(relative, 1, "expected a YAML mapping (key: value) at the top of the file"));
                return new YamlContentFile(relative, null, errors);
            }
            return new YamlContentFile(relative, map, errors);
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line);
            var reason = ex.InnerException?.Message ?? ex.Message;
            errors.Add(new ContentError(relative, line, $"malformed YAML: {Clean(reason)}"));
            return new YamlContentFile(relative, null, errors);
        }
        catch (InvalidOperationException ex)
        {
            // Some scanner faults (an unclosed flow list at the end of the file) carry no position.
            errors.Add(new ContentError(relative, 0, $"malformed YAML: {ex.Message} (look for an unclosed [ or {{)"));
            return new YamlContentFile(relative, null, errors);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports a key given twice in one mapping this way.
            errors.Add(new ContentError(relative, 0, $"malformed YAML: {ex.Message}"));
            return new YamlContentFile(relative, null, errors);
        }
    }

    public ContentLocation LocationOf(YamlNode node) => new(RelativePath, Line(node));

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public void Error(YamlNode? near, string message) =>
        _errors.Add(new ContentError(RelativePath, near is null ? 0 : Line(near), message));

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A required non-empty text field; <paramref name="path"/> names it in errors (e.g. "answer.sms").</summary>
    public string? RequiredString(YamlMappingNode map, string key, string path)
    {
        var node = Get(map, key);
        if (node is null)
        {
            Error(map, $"missing field '{path}'");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{path}' must be text");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Error(node, $"'{path}' is empty");
            return null;
        }
        return value;
    }

    public YamlMappingNode? RequiredMapping(YamlMappingNode map, string key, string path)
    {
        var node = Get(map, key);
        if (node is null)
        {
            Error(map, $"missing field '{path}'");
            return null;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{path}' must be a mapping (key: value)");
            return null;
        }
        return mapping;
    }

    /// <summary>A list of texts; a single text is accepted as a one-item list.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> StringList(YamlMappingNode map, string key, string path, bool required)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"missing field '{path}'");
            }
            return [];
        }
        if (node is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value))
        {
            return [(single.Value.Trim(), single)];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{path}' must be a list");
            return [];
        }
        var items = new List<(string, YamlNode)>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add((scalar.Value.Trim(), child));
            }
            else
            {
                Error(child, $"'{path}' items must be non-empty text");
            }
        }
        return items;
    }

    /// <summary>
    /// The mappings of a required list (<c>themes: [ {id: ...}, ... ]</c>); a missing list or an item
    /// that is not a mapping is reported, naming what each item needs.
    /// </summary>
    public IEnumerable<YamlMappingNode> MappingList(YamlMappingNode map, string key, string itemNeeds)
    {
        if (Get(map, key) is not YamlSequenceNode list)
        {
            Error(map, $"missing list '{key}'");
            yield break;
        }
        foreach (var node in list.Children)
        {
            if (node is YamlMappingNode item)
            {
                yield return item;
            }
            else
            {
                Error(node, $"each item of '{key}' needs {itemNeeds}");
            }
        }
    }

    public int? RequiredInt(YamlMappingNode map, string key, string path)
    {
        var text = RequiredString(map, key, path);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, out var value) && value > 0)
        {
            return value;
        }
        Error(Get(map, key), $"'{path}' must be a positive whole number, not '{text}'");
        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (Line ...): "; the line is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
