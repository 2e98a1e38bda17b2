namespace Campaign.Core.Text;

/// <summary>An SMS exactly as it will be handed to a provider, with what it costs.</summary>
/// <param name="Text">The text to send.</param>
/// <param name="Encoding">GSM-7 or UCS-2.</param>
/// <param name="Characters">Length in the encoding's units.</param>
/// <param name="Segments">Billed segments.</param>
/// <param name="Shortened">True when the text was cut to the segment limit and ends with the continuation hint.</param>
public sealed record RenderedSms(string Text, SmsEncoding Encoding, int Characters, int Segments, bool Shortened);
