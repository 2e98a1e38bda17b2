namespace SmsGateway.Tests.Android;

/// <summary>How a test webhook is signed: correctly, or broken in one named way.</summary>
internal enum WebhookSigning
{
    Valid,
    WrongKey,
    BodyChangedAfterSigning,
    NoSignature,
    NoTimestamp,
    TimestampNotANumber,
    SignatureNotHex,
    Stale,
    FromTheFuture,
    FourMinutesOld,
}
