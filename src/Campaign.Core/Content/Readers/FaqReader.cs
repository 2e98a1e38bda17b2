using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>Reads <c>faq/&lt;id&gt;.yaml</c>: one entry per file, the file name being the id.</summary>
internal static class FaqReader
{
    public static FaqEntry? Read(YamlContentFile file)
    {
        if (file.Root is not { } root)
        {
            return null;
        }
        var id = file.RequiredString(root, "id", "id");
        var expectedId = Path.GetFileNameWithoutExtension(file.RelativePath);
        if (id is not null && id != expectedId)
        {
            file.Error(YamlContentFile.Get(root, "id"), $"id '{id}' does not match the file name; rename the file to '{id}.yaml' or fix the id");
        }
        var theme = file.RequiredString(root, "theme", "theme");
        var title = file.RequiredString(root, "title", "title");
        var question = file.RequiredString(root, "question", "question");
        var phrasings = file.StringList(root, "phrasings", "phrasings", required: true);
        var keywords = file.StringList(root, "keywords", "keywords", required: false);
        var sources = file.StringList(root, "source", "source", required: true);
        var related = file.StringList(root, "related", "related", required: false);

        string? chat = null, sms = null;
        if (file.RequiredMapping(root, "answer", "answer") is { } answer)
        {
            chat = file.RequiredString(answer, "chat", "answer.chat");
            sms = file.RequiredString(answer, "sms", "answer.sms");
        }

        if (phrasings.Count > 0 && phrasings.Count < ContentLimits.MinPhrasings)
        {
            file.Error(YamlContentFile.Get(root, "phrasings"),
                $"'phrasings' has {phrasings.Count}; write at least {ContentLimits.MinPhrasings} (accented, unaccented, SMS shorthand)");
        }
        if (title is not null && title.Length > ContentLimits.TitleMaxCharacters)
        {
            file.Error(YamlContentFile.Get(root, "title"),
                $"'title' is {title.Length} characters; menus need at most {ContentLimits.TitleMaxCharacters}");
        }
        if (chat is not null && chat.Length > ContentLimits.ChatAnswerMaxCharacters)
        {
            file.Error(YamlContentFile.Get((YamlMappingNode)YamlContentFile.Get(root, "answer")!, "chat"),
                $"'answer.chat' is {chat.Length} characters; the limit is {ContentLimits.ChatAnswerMaxCharacters}");
        }

        if (id is null || theme is null || title is null || question is null || chat is null || sms is null)
        {
            return null;
        }
        return new FaqEntry
        {
            Id = id,
            Theme = theme,
            Title = title,
            Question = question,
            Phrasings = phrasings.Select(p => p.Value).ToArray(),
            Keywords = keywords.Select(k => k.Value).ToArray(),
            ChatAnswer = TextTemplate.Parse(chat),
            SmsAnswer = TextTemplate.Parse(sms),
            Sources = sources.Select(s => s.Value).ToArray(),
            Related = related.Select(r => r.Value).ToArray(),
            Location = file.LocationOf(root),
        };
    }

    /// <summary>Line of a field inside the entry's file, for cross-reference errors found later.</summary>
    public static int LineOf(YamlContentFile file, string key) =>
        file.Root is { } root && YamlContentFile.Get(root, key) is { } node ? YamlContentFile.Line(node) : 1;
}
