namespace Campaign.Core.Officers;

/// <summary>Why a presented key was accepted or not.</summary>
public enum KeyCheck
{
    Valid,

    /// <summary>Not shaped like a key at all.</summary>
    Malformed,

    /// <summary>No such key (or its officer is gone).</summary>
    Unknown,

    Revoked,

    /// <summary>The key is fine but its officer is disabled.</summary>
    Disabled,
}

/// <summary>The result of looking a presented key up: the officer and key when known, even if refused.</summary>
public sealed record KeyLookup(KeyCheck Check, Officer? Officer = null, ApiKeyInfo? Key = null)
{
    public bool IsValid => Check == KeyCheck.Valid;
}
