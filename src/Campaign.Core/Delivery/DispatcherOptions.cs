namespace Campaign.Core.Delivery;

/// <summary>How a channel's dispatcher works its outbox; bound from <c>Delivery</c>.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Delivery";

    /// <summary>Dispatch loops per instance (each a consumer of the group).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Entries read at once by one loop.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>Wait between polls when the outbox is empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An entry held this long without acknowledgement belonged to a dispatcher that died; another takes it.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a retryable failure becomes final.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>, unless the provider asks for longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After a provider refuses our credentials, wait this long before trying it again.</summary>
    public TimeSpan UnauthorizedPause { get; set; } = TimeSpan.FromMinutes(5);
}
