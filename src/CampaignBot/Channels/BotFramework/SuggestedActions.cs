namespace CampaignBot.Channels.BotFramework;

/// <summary>Buttons shown under a message to the listed recipients; they disappear once one is used.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public IReadOnlyList<CardAction>? Actions { get; init; }
}

/// <summary>
/// One button. <c>imBack</c> posts <see cref="Value"/> into the conversation as if the user had typed
/// it, which is what our numbered menus expect ("1", "2" ...).
/// </summary>
public sealed record CardAction
{
    public const string ImBack = "imBack";

    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Value { get; init; }
}
