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

    /// <summary>
    /// One character per channel, as packed subscriber records and address index keys store it
    /// (<see cref="Subscribers.SubscriberRecord"/>): a million records each save the difference.
    /// </summary>
    public static char Code(this Channel channel) => channel switch
    {
        Channel.Sms => 's',
        Channel.Zalo => 'z',
        Channel.Messenger => 'm',
        Channel.BotFramework => 'b',
        Channel.WebChat => 'w',
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>The channel of a <see cref="Code"/> character.</summary>
    public static bool TryParseCode(char code, out Channel channel)
    {
        (var known, channel) = code switch
        {
            's' => (true, Channel.Sms),
            'z' => (true, Channel.Zalo),
            'm' => (true, Channel.Messenger),
            'b' => (true, Channel.BotFramework),
            'w' => (true, Channel.WebChat),
            _ => (false, default(Channel)),
        };
        return known;
    }

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
