namespace Campaign.Core.Text;

/// <summary>
/// How a text would be sent as SMS: its encoding, its length as the network counts it, and how
/// many messages (segments) it takes, each billed separately.
/// </summary>
/// <param name="Encoding">The encoding the text needs.</param>
/// <param name="Characters">
/// The length in the encoding's units: septets for <see cref="SmsEncoding.Gsm7"/> (an extension
/// character such as € or [ counts 2), UTF-16 code units for <see cref="SmsEncoding.Ucs2"/> (an
/// emoji counts 2).
/// </param>
/// <param name="Segments">The number of SMS segments; 0 for empty text.</param>
public readonly record struct SmsAnalysis(SmsEncoding Encoding, int Characters, int Segments);
