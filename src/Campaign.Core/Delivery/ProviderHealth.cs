using System.Collections.Concurrent;

namespace Campaign.Core.Delivery;

/// <summary>
/// Providers this instance has stopped using because they refused our credentials. Readiness reports
/// them; the dispatcher holds their deliveries (queued, not failed) and tries again after a pause, so a
/// fixed secret resumes sending without losing anything.
/// </summary>
public sealed class ProviderHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ProviderProblem> _problems = new(StringComparer.Ordinal);

    public void ReportUnauthorized(string provider, string reason) =>
        _problems[provider] = new ProviderProblem(provider, reason, time.GetUtcNow());

    public void ReportHealthy(string provider) => _problems.TryRemove(provider, out _);

    public ProviderProblem? Problem(string provider) => _problems.TryGetValue(provider, out var p) ? p : null;

    public IReadOnlyCollection<ProviderProblem> Problems => [.. _problems.Values];
}

/// <summary>Why a provider is not being used, and since when.</summary>
public sealed record ProviderProblem(string Provider, string Reason, DateTimeOffset Since);
