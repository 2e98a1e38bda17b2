namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// Request content that notes when it starts going onto the connection. A failure before that (DNS,
/// connection refused, connect timeout) means the connector never saw the activity and it is safe to
/// post again; after that, it may have been posted.
/// </summary>
internal sealed class WireTrackingContent : HttpContent
{
    private readonly HttpContent _inner;
    private volatile bool _started;

    public WireTrackingContent(HttpContent inner)
    {
        _inner = inner;
        Headers.ContentType = inner.Headers.ContentType;
    }

    public bool Started => _started;

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        _started = true;
        await _inner.CopyToAsync(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
