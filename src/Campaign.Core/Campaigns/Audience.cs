using Campaign.Core.Conversations;

namespace Campaign.Core.Campaigns;

/// <summary>Who a campaign reaches: subscribers in any of the areas, on any of the channels, following any of the topics.</summary>
/// <param name="AreaCodes">Area codes; each also covers the areas inside it (a province covers its communes and hamlets).</param>
/// <param name="Channels">Channels to push on; never <see cref="Channel.WebChat"/>, whose sessions cannot receive pushes.</param>
/// <param name="Topics">Theme ids from <c>content/themes.yaml</c>; empty means every subscriber regardless of topics.</param>
/// <param name="Language">The language residents read; its texts must be in the message.</param>
public sealed record Audience(IReadOnlyList<string> AreaCodes, IReadOnlyList<Channel> Channels, IReadOnlyList<string> Topics, string Language = Audience.Vietnamese)
{
    public const string Vietnamese = "vi";

    // Copied so a caller's array cannot change a campaign after the fact; null (missing in JSON) reads as empty.
    public IReadOnlyList<string> AreaCodes { get; init; } = AreaCodes is null ? [] : [.. AreaCodes];
    public IReadOnlyList<Channel> Channels { get; init; } = Channels is null ? [] : [.. Channels];
    public IReadOnlyList<string> Topics { get; init; } = Topics is null ? [] : [.. Topics];

    /// <summary>True when some channel needs the chat text.</summary>
    public bool HasChatChannel => Channels.Any(c => !c.IsSms());

    /// <summary>True when the SMS text is needed.</summary>
    public bool HasSms => Channels.Contains(Channel.Sms);
}
