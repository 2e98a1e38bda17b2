using System.Net;

namespace SmsGateway.Android;

/// <summary>
/// A request body that notes when it starts going out. A failure before that (connection refused,
/// phone unreachable) means the phone never saw the message and it is safe to try again; a failure
/// after it (a timeout waiting for the answer) means the SMS may be on its way, so it is not resent.
/// </summary>
internal sealed class TrackedContent : ByteArrayContent
{
    private int _started;

    public TrackedContent(byte[] body, string mediaType)
        : base(body) => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);

    /// <summary>The body began to be written to the connection.</summary>
    public bool Started => Volatile.Read(ref _started) == 1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _started, 1);
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Volatile.Write(ref _started, 1);
        return base.SerializeToStreamAsync(stream, context);
    }
}
