using Campaign.Core.Content.Yaml;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>ui.yaml</c>: <c>webchat: { key: text }</c>, every key of <see cref="UiText.WebChatKeys"/> required.</summary>
internal static class UiTextsReader
{
    public static Dictionary<string, string> ReadWebChat(YamlContentFile file)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Root is not { } root || file.RequiredMapping(root, "webchat", "webchat") is not { } webchat)
        {
            return texts;
        }
        foreach (var key in UiText.WebChatKeys)
        {
            if (file.RequiredString(webchat, key, $"webchat.{key}") is { } text)
            {
                texts[key] = text.Trim();
            }
        }
        return texts;
    }
}
