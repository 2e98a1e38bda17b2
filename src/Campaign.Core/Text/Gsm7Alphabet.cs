using System.Buffers;

namespace Campaign.Core.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table, as Unicode.
/// </summary>
internal static class Gsm7Alphabet
{
    // The basic table in code order (0x00-0x7F), without 0x1B, the escape to the extension table.
    private const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà";

    // Sent as escape + code, so each takes two septets.
    private const string ExtensionTable = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> s_basic = SearchValues.Create(BasicTable);
    private static readonly SearchValues<char> s_extension = SearchValues.Create(ExtensionTable);

    /// <summary>Every character that GSM-7 can send.</summary>
    public static SearchValues<char> All { get; } = SearchValues.Create(BasicTable + ExtensionTable);

    /// <summary>
    /// Returns the septets <paramref name="c"/> takes: 1 for the basic table, 2 for the
    /// extension table, 0 when GSM-7 cannot send it.
    /// </summary>
    public static int SeptetsFor(char c) => s_basic.Contains(c) ? 1 : s_extension.Contains(c) ? 2 : 0;
}
