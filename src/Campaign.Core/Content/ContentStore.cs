namespace Campaign.Core.Content;

/// <summary>
/// Holds the content in use. A reload validates a whole new set and swaps it in atomically, so a
/// reader sees either the old content or the new, never a mix; a failed reload keeps the old one.
/// An overlay (officers' approved answers, kept in Redis) is laid over the files on every swap, so
/// a reload of the files does not drop it and a new overlay does not need the files read again.
/// </summary>
public sealed class ContentStore(CampaignContent initial)
{
    private readonly Lock _gate = new();
    private CampaignContent _files = initial;
    private Func<CampaignContent, CampaignContent>? _overlay;
    private volatile CampaignContent _current = initial;

    public CampaignContent Current => _current;

    /// <summary>The content as read from the files, without the overlay.</summary>
    public CampaignContent Files => _files;

    /// <summary>Raised after new content is swapped in, so indexes built from it can rebuild.</summary>
    public event Action<CampaignContent>? Changed;

    public CampaignContent Reload()
    {
        var fresh = ContentLoader.Load(_files.RootPath);
        lock (_gate)
        {
            _files = fresh;
            return Swap();
        }
    }

    /// <summary>Lays <paramref name="overlay"/> over the files (null removes it) and swaps the result in.</summary>
    public CampaignContent SetOverlay(Func<CampaignContent, CampaignContent>? overlay)
    {
        lock (_gate)
        {
            _overlay = overlay;
            return Swap();
        }
    }

    private CampaignContent Swap()
    {
        var fresh = _overlay is null ? _files : _overlay(_files);
        _current = fresh;
        Changed?.Invoke(fresh);
        return fresh;
    }
}
