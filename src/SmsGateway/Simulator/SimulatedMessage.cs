namespace SmsGateway.Simulator;

/// <summary>One SMS on a simulated phone's screen, either way, with what it cost.</summary>
/// <param name="Id">The stream entry id (stable, ordered).</param>
/// <param name="Direction">"in" (the phone sent it to us) or "out" (we sent it to the phone).</param>
/// <param name="Text">The text exactly as sent.</param>
/// <param name="Segments">Billed segments.</param>
/// <param name="Encoding">"GSM-7" or "UCS-2".</param>
/// <param name="At">When (unix ms).</param>
/// <param name="DeliveryId">Our delivery id, for messages we sent.</param>
public sealed record SimulatedMessage(string Id, string Direction, string Text, int Segments, string Encoding, long At, string? DeliveryId);
