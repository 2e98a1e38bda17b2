using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>replies.yaml</c>: <c>replies: { id: { chat, sms } }</c>; every <see cref="ReplyId"/> is required.</summary>
internal static class RepliesReader
{
    public static Dictionary<string, SystemReply> Read(YamlContentFile file)
    {
        var replies = new Dictionary<string, SystemReply>(StringComparer.Ordinal);
        if (file.Root is not { } root || file.RequiredMapping(root, "replies", "replies") is not { } map)
        {
            return replies;
        }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var id = ((YamlScalarNode)keyNode).Value ?? "";
            if (!ReplyId.RuntimePlaceholders.ContainsKey(id))
            {
                file.Error(keyNode, $"unknown reply '{id}'; known replies are {string.Join(", ", ReplyId.RuntimePlaceholders.Keys)}");
                continue;
            }
            if (valueNode is not YamlMappingNode reply)
            {
                file.Error(valueNode, $"reply '{id}' must have 'chat' and 'sms'");
                continue;
            }
            var chat = file.RequiredString(reply, "chat", $"replies.{id}.chat");
            var sms = file.RequiredString(reply, "sms", $"replies.{id}.sms");
            if (chat is not null && sms is not null)
            {
                replies[id] = new SystemReply(id, TextTemplate.Parse(chat), TextTemplate.Parse(sms), file.LocationOf(keyNode));
            }
        }
        foreach (var required in ReplyId.RuntimePlaceholders.Keys.Where(r => !map.Children.ContainsKey(new YamlScalarNode(r))))
        {
            file.Error(map, $"missing reply '{required}'");
        }
        return replies;
    }
}
