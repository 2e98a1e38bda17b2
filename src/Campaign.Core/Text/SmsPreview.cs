using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Campaign.Core.Text;

/// <summary>
/// What an SMS costs as written and what it would cost sent without accents, so an author can
/// choose between readable Vietnamese and fewer segments.
/// </summary>
/// <param name="Text">The text as written.</param>
/// <param name="AsWritten">The analysis of <paramref name="Text"/>.</param>
/// <param name="UnaccentedText">
/// <paramref name="Text"/> with diacritics folded and typographic punctuation made plain, so that
/// it is GSM-7 unless it holds something else GSM-7 lacks (an emoji, a non-Latin script).
/// </param>
/// <param name="Unaccented">The analysis of <paramref name="UnaccentedText"/>.</param>
public sealed record SmsPreview(string Text, SmsAnalysis AsWritten, string UnaccentedText, SmsAnalysis Unaccented)
{
    /// <summary>
    /// Analyses <paramref name="text"/> as written and unaccented.
    /// </summary>
    /// <param name="text">The message text.</param>
    /// <returns>The preview.</returns>
    public static SmsPreview For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var unaccented = GsmPunctuation.ToPlain(Diacritics.Fold(text));
        return new SmsPreview(text, SmsEncoder.Analyze(text), unaccented, SmsEncoder.Analyze(unaccented));
    }

    /// <summary>
    /// Formats the preview on one line for the CLI, as
    /// <c>{"encoding": "UCS-2", "characters": 75, "segments": 2, "unaccented": {"text": "...", "encoding": "GSM-7", "characters": 75, "segments": 1}}</c>.
    /// </summary>
    /// <returns>The JSON text.</returns>
    /// <remarks>
    /// The text is escaped with the relaxed JSON encoder: quotes, backslashes and control
    /// characters are escaped, and so are characters outside the Basic Multilingual Plane such as
    /// emoji (as surrogate-pair escapes); HTML-sensitive characters are not, so do not embed the
    /// result in HTML.
    /// </remarks>
    public string ToJson()
    {
        var unaccentedText = JsonEncodedText.Encode(UnaccentedText, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"encoding": "{{{AsWritten.Encoding.ToDisplayName()}}}", "characters": {{{AsWritten.Characters}}}, "segments": {{{AsWritten.Segments}}}, "unaccented": {"text": "{{{unaccentedText}}}", "encoding": "{{{Unaccented.Encoding.ToDisplayName()}}}", "characters": {{{Unaccented.Characters}}}, "segments": {{{Unaccented.Segments}}}}}""");
    }
}
