namespace Campaign.Core.Officers;

/// <summary>What is known about a key besides its hash: whose it is, when made, when revoked.</summary>
public sealed record ApiKeyInfo(string KeyId, string OfficerId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
