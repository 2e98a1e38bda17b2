using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>
/// A resident on one channel. <see cref="Id"/> is a dense integer so records pack 128 to a Redis hash
/// and "already sent" is one bit per occurrence. Times are stored to the second.
/// </summary>
public sealed record Subscriber
{
    public required long Id { get; init; }
    public required Channel Channel { get; init; }

    /// <summary>E.164 phone for SMS, the channel's user id otherwise.</summary>
    public required string Address { get; init; }

    public required SubscriberStatus Status { get; init; }

    /// <summary>Area code (province, commune or hamlet), or null until known.</summary>
    public string? AreaCode { get; init; }

    /// <summary>Theme ids; empty means every theme.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    public string Language { get; init; } = "vi";

    /// <summary>The latest subscribe or opt-out, with its evidence; null for a plain contact.</summary>
    public Consent? Consent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the resident last wrote to us (channel windows are measured from it).</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>The resident's name, when an import gave one.</summary>
    public string? Name { get; init; }
}
