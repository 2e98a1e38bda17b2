using System.Text;
using Campaign.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Inbox;

/// <summary>
/// Writes FAQ entries in the format of <c>content/faq/&lt;id&gt;.yaml</c> (the fields the FAQ reader
/// reads, in the files' order), so approved answers can be committed to the repository.
/// </summary>
public static class FaqYaml
{
    /// <summary>One entry as the whole text of its file.</summary>
    public static string Write(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var root = new YamlMappingNode
        {
            { "id", entry.Id },
            { "theme", entry.Theme },
            { "title", entry.Title },
            { "question", entry.Question },
            { "phrasings", Sequence(entry.Phrasings) },
        };
        if (entry.Keywords.Count > 0)
        {
            root.Add("keywords", Sequence(entry.Keywords));
        }
        root.Add("answer", new YamlMappingNode
        {
            { "chat", entry.ChatAnswer.Source },
            { "sms", entry.SmsAnswer.Source },
        });
        root.Add("source", Sequence(entry.Sources));
        if (entry.Related.Count > 0)
        {
            root.Add("related", Sequence(entry.Related));
        }
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet ends a document with "...": a file does not need it.
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>
    /// Several entries as one YAML stream, one document per file, each headed by a comment naming
    /// the file it belongs in (<c># faq/&lt;id&gt;.yaml</c>).
    /// </summary>
    public static string WriteAll(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder();
        foreach (var entry in entries)
        {
            sb.Append("---\n# faq/").Append(entry.Id).Append(".yaml\n").Append(Write(entry));
        }
        return sb.ToString();
    }

    /// <summary>The entries approved answers made or changed, as they stand in <paramref name="content"/> (files and overlay).</summary>
    public static IReadOnlyList<FaqEntry> Touched(CampaignContent content, IEnumerable<InboxAnswer> approved)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(approved);
        return approved.Where(a => a.Status == AnswerStatus.Approved).Select(a => a.FaqId).Distinct(StringComparer.Ordinal)
            .Select(content.FindFaq).OfType<FaqEntry>().ToArray();
    }

    private static YamlSequenceNode Sequence(IEnumerable<string> items) =>
        new(items.Select(i => (YamlNode)new YamlScalarNode(i)));
}
