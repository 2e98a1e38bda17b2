namespace Campaign.Core.Subscribers;

/// <summary>
/// A consent's via and evidence as the value in <c>sub:c:{bucket}</c>: <c>{via}|{evidence}</c>. Its
/// time is the record's consentAt, so it is not stored twice.
/// </summary>
internal static class ConsentField
{
    public static string Pack(Consent consent) =>
        consent.Via.Contains('|', StringComparison.Ordinal)
            ? throw new ArgumentException($"a consent's via cannot contain '|': '{consent.Via}'", nameof(consent))
            : $"{consent.Via}|{consent.Evidence}";

    public static Consent? Parse(string? value, DateTimeOffset? at)
    {
        if (value is null || at is null)
        {
            return null;
        }
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        var via = bar < 0 ? value : value[..bar];
        var evidence = bar < 0 ? "" : value[(bar + 1)..];
        return new Consent(at.Value, via, evidence.Length == 0 ? null : evidence);
    }
}
