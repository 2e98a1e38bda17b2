namespace Campaign.Core.Text;

/// <summary>
/// Display names for <see cref="SmsEncoding"/>.
/// </summary>
public static class SmsEncodingExtensions
{
    /// <summary>
    /// Returns the name operators and SMS providers use for the encoding: "GSM-7" or "UCS-2".
    /// </summary>
    /// <param name="encoding">The encoding.</param>
    /// <returns>The display name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="encoding"/> is not defined.</exception>
    public static string ToDisplayName(this SmsEncoding encoding) => encoding switch
    {
        SmsEncoding.Gsm7 => "GSM-7",
        SmsEncoding.Ucs2 => "UCS-2",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown SMS encoding."),
    };
}
