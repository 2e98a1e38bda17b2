using System.Globalization;
using Campaign.Core.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Campaign.Core.Content.Readers;

/// <summary>
/// Reads <c>series/&lt;id&gt;.yaml</c>: one drip series per file, the file name being the id. Checks
/// what one file can tell (fields, offsets, chat length); references to themes, FAQ entries and
/// placeholders are checked by <see cref="ContentValidator.CheckSeries"/>.
/// </summary>
internal static class SeriesReader
{
    /// <summary>The series, or null when anything in the file is wrong (a series is never half-read).</summary>
    public static DripSeries? Read(YamlContentFile file)
    {
        if (file.Root is not { } root)
        {
            return null;
        }
        var id = file.RequiredString(root, "id", "id");
        var expectedId = Path.GetFileNameWithoutExtension(file.RelativePath);
        var valid = true;
        if (id is not null && id != expectedId)
        {
            file.Error(YamlContentFile.Get(root, "id"), $"id '{id}' does not match the file name; rename the file to '{id}.yaml' or fix the id");
            valid = false;
        }
        var title = file.RequiredString(root, "title", "title");
        var description = file.RequiredString(root, "description", "description");
        var sources = file.StringList(root, "sources", "sources", required: true);

        var steps = new List<SeriesStep>();
        var stepNodes = file.MappingList(root, "steps", "offset_days, topic, chat and sms").ToArray();
        if (YamlContentFile.Get(root, "steps") is YamlSequenceNode { Children.Count: 0 } empty)
        {
            file.Error(empty, "'steps' is empty; a series needs at least one step (offset_days: 0)");
            valid = false;
        }
        int? previousOffset = null;
        for (var i = 0; i < stepNodes.Length; i++)
        {
            var step = ReadStep(file, stepNodes[i], $"steps[{i + 1}]");
            if (step is null)
            {
                valid = false;
                continue;
            }
            var offsetNode = YamlContentFile.Get(stepNodes[i], "offset_days");
            if (previousOffset is null && step.OffsetDays != 0)
            {
                file.Error(offsetNode, $"the first step's 'offset_days' is {step.OffsetDays}; it must be 0 (the day of subscription)");
                valid = false;
            }
            else if (previousOffset is { } before && step.OffsetDays <= before)
            {
                file.Error(offsetNode, $"'steps[{i + 1}].offset_days' is {step.OffsetDays}; it must be later than the step before ({before})");
                valid = false;
            }
            previousOffset = step.OffsetDays;
            steps.Add(step);
        }

        if (!valid || id is null || title is null || description is null || sources.Count == 0 || steps.Count != stepNodes.Length || steps.Count == 0)
        {
            return null;
        }
        return new DripSeries
        {
            Id = id,
            Title = title,
            Description = description,
            Steps = steps,
            Sources = sources.Select(s => s.Value).ToArray(),
            Location = file.LocationOf(root),
        };
    }

    /// <summary>Line of a field of the step at <paramref name="index"/> (0-based), for errors found later.</summary>
    public static int LineOf(YamlContentFile file, int index, string key)
    {
        if (file.Root is { } root && YamlContentFile.Get(root, "steps") is YamlSequenceNode list && index < list.Children.Count
            && list.Children[index] is YamlMappingNode step)
        {
            return YamlContentFile.Get(step, key) is { } node ? YamlContentFile.Line(node) : YamlContentFile.Line(step);
        }
        return 1;
    }

    private static SeriesStep? ReadStep(YamlContentFile file, YamlMappingNode node, string path)
    {
        var offset = ReadOffset(file, node, path);
        var topic = file.RequiredString(node, "topic", path + ".topic");
        var chat = file.RequiredString(node, "chat", path + ".chat");
        var sms = file.RequiredString(node, "sms", path + ".sms");
        var sources = file.StringList(node, "sources", path + ".sources", required: false);
        string? related = null;
        if (YamlContentFile.Get(node, "related_faq") is not null)
        {
            related = file.RequiredString(node, "related_faq", path + ".related_faq");
            if (related is null)
            {
                return null;
            }
        }
        if (chat is not null && chat.Length > ContentLimits.ChatAnswerMaxCharacters)
        {
            file.Error(YamlContentFile.Get(node, "chat"),
                $"'{path}.chat' is {chat.Length} characters; the limit is {ContentLimits.ChatAnswerMaxCharacters}");
            return null;
        }
        if (offset is null || topic is null || chat is null || sms is null)
        {
            return null;
        }
        return new SeriesStep
        {
            OffsetDays = offset.Value,
            Topic = topic,
            RelatedFaq = related,
            Chat = TextTemplate.Parse(chat),
            Sms = TextTemplate.Parse(sms),
            Sources = sources.Select(s => s.Value).ToArray(),
            Location = file.LocationOf(node),
        };
    }

    private static int? ReadOffset(YamlContentFile file, YamlMappingNode node, string path)
    {
        var text = file.RequiredString(node, "offset_days", path + ".offset_days");
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return days;
        }
        file.Error(YamlContentFile.Get(node, "offset_days"), $"'{path}.offset_days' must be a whole number of days (0 or more), not '{text}'");
        return null;
    }
}
