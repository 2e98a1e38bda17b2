namespace Campaign.Core.Conversations;

/// <summary>The ways a resident reaches the bot. The key is what Redis and logs store.</summary>
public enum Channel
{
    Sms,
    Zalo,
    Messenger,
    WebChat,
    BotFramework,
}

public static class ChannelExtensions
{
    public static string Key(this Channel channel) => channel switch
    {
        Channel.Sms => "sms",
        Channel.Zalo => "zalo",
        Channel.Messenger => "messenger",
        Channel.WebChat => "webchat",
        Channel.BotFramework => "botframework",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>SMS gets the short, unaccented-ready texts; every other channel gets the chat texts.</summary>
    public static bool IsSms(this Channel channel) => channel == Channel.Sms;

    public static bool TryParse(string? key, out Channel channel)
    {
        foreach (var candidate in Enum.GetValues<Channel>())
        {
            if (string.Equals(candidate.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }
}
