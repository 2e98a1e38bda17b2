namespace Campaign.Core.Conversations;

/// <summary>One question the bot was not sure about, as recorded for the officers' inbox.</summary>
/// <param name="SuggestedFaqIds">The entries the bot offered instead, best first.</param>
public sealed record UnansweredQuestion(Channel Channel, long SubscriberId, string Text, IReadOnlyList<string> SuggestedFaqIds, DateTimeOffset At);
