namespace Campaign.Core.Officers;

/// <summary>A key just made: <see cref="Secret"/> is shown to the operator once and never stored.</summary>
/// <param name="KeyId">The key's public part, for listings and revocation.</param>
/// <param name="Hash">What is stored (<see cref="ApiKeys.Hash"/>).</param>
public sealed record NewApiKey(string Secret, string KeyId, string Hash)
{
    // The generated ToString would print the secret into any log that formats this record.
    public override string ToString() => KeyId;
}
