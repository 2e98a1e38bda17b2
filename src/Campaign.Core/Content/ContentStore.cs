namespace Campaign.Core.Content;

/// <summary>
/// Holds the content in use. A reload validates a whole new set and swaps it in atomically, so a
/// reader sees either the old content or the new, never a mix; a failed reload keeps the old one.
/// </summary>
public sealed class ContentStore(CampaignContent initial)
{
    private volatile CampaignContent _current = initial;

    public CampaignContent Current => _current;

    /// <summary>Raised after new content is swapped in, so indexes built from it can rebuild.</summary>
    public event Action<CampaignContent>? Changed;

    public CampaignContent Reload()
    {
        var fresh = ContentLoader.Load(_current.RootPath);
        _current = fresh;
        Changed?.Invoke(fresh);
        return fresh;
    }
}
