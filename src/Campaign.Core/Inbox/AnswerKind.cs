using System.Text.Json.Serialization;

namespace Campaign.Core.Inbox;

/// <summary>What approving the answer does to the FAQ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerKind>))]
public enum AnswerKind
{
    /// <summary>Adds a new FAQ entry whose phrasings are the group's questions.</summary>
    [JsonStringEnumMemberName("answer")]
    NewEntry,

    /// <summary>Adds the group's questions as phrasings of an existing entry.</summary>
    [JsonStringEnumMemberName("attach")]
    Attach,
}
