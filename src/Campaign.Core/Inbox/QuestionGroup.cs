namespace Campaign.Core.Inbox;

/// <summary>Similar unanswered questions, as the inbox shows them.</summary>
/// <param name="Id">Stable while the group's first question is in the window: a hash of its signature.</param>
/// <param name="Question">The representative text: the most asked wording, with marks when someone typed them.</param>
/// <param name="Channels">How many were asked on each channel (by channel key).</param>
/// <param name="Examples">Up to five different wordings, newest first.</param>
/// <param name="SuggestedFaqIds">What the bot offered instead, most often first.</param>
/// <param name="Texts">Every different wording (capped), to become phrasings of the answer.</param>
/// <param name="Signatures">The signatures of every question in the group; an approved answer removes them from the inbox.</param>
/// <param name="AreaCodes">Where the askers live ("" for not known), for the reviewer's scope.</param>
public sealed record QuestionGroup(
    string Id,
    string Question,
    int Count,
    IReadOnlyDictionary<string, int> Channels,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> SuggestedFaqIds,
    IReadOnlyList<string> Texts,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<string> AreaCodes);
