namespace Campaign.Core.Text;

/// <summary>
/// The character encoding an SMS is sent in, per GSM 03.38 / 3GPP TS 23.038.
/// </summary>
public enum SmsEncoding
{
    /// <summary>
    /// The 7-bit GSM default alphabet: 160 characters in one message, 153 per part when split.
    /// Unaccented Vietnamese fits; most accented Vietnamese letters do not.
    /// </summary>
    Gsm7,

    /// <summary>
    /// UCS-2 (sent as UTF-16): 70 code units in one message, 67 per part when split. Used as soon
    /// as one character is outside the GSM alphabet.
    /// </summary>
    Ucs2,
}
