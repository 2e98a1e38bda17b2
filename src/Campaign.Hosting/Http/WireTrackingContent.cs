namespace Campaign.Hosting.Http;

/// <summary>
/// Request content that notes when it starts going onto the connection. A failure before that (DNS,
/// connection refused, connect timeout) means the provider never saw the request and it is safe to
/// send again; after that, the provider may have sent the message, so it is not sent blindly again.
/// Every provider client (Twilio, the Android phone, Zalo, Messenger, the Bot Connector) uses it.
/// </summary>
public sealed class WireTrackingContent : HttpContent
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
