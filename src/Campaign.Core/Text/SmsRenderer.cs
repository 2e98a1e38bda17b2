using Campaign.Core.Content;

namespace Campaign.Core.Text;

/// <summary>
/// The one place an outgoing SMS takes its final form: NFC, the marks policy, and the segment limit,
/// enforced by cutting at a word boundary and ending with the content's continuation hint
/// (<c>sms_continuation</c>). Rendering is idempotent: a rendered text renders to itself, so a reply
/// composed for SMS can pass through here again at send time unchanged.
/// </summary>
public sealed class SmsRenderer(SmsOptions options, ContentStore content)
{
    private const string Ellipsis = "...";

    public SmsOptions Options { get; } = options;

    public RenderedSms Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var written = Diacritics.ToNfc(text).Trim();
        var (body, strip) = Choose(written);
        var analysis = SmsEncoder.Analyze(body);
        if (analysis.Segments <= Options.MaxSegments)
        {
            return new RenderedSms(body, analysis.Encoding, analysis.Characters, analysis.Segments, Shortened: false);
        }

        var hint = Apply(Diacritics.ToNfc(content.Current.Reply(ReplyId.SmsContinuation).Sms.Source).Trim(), strip);
        var shortened = Shorten(body, hint);
        var result = SmsEncoder.Analyze(shortened);
        return new RenderedSms(shortened, result.Encoding, result.Characters, result.Segments, Shortened: true);
    }

    /// <summary>The text in the form the policy picks, and whether marks were stripped (the hint follows suit).</summary>
    private (string Text, bool Strip) Choose(string written)
    {
        switch (Options.Diacritics)
        {
            case SmsDiacritics.Keep:
                return (written, false);
            case SmsDiacritics.Auto:
                var plain = Apply(written, strip: true);
                return SmsEncoder.Analyze(plain).Segments < SmsEncoder.Analyze(written).Segments ? (plain, true) : (written, false);
            default:
                return (Apply(written, strip: true), true);
        }
    }

    private static string Apply(string text, bool strip) => strip ? SmsPreview.For(text).UnaccentedText : text;

    /// <summary>The longest word-boundary prefix that, with "..." and the hint, fits the limit.</summary>
    private string Shorten(string body, string hint)
    {
        var suffix = Ellipsis + "\n" + hint;
        if (!Fits(suffix))
        {
            // A limit too small for the hint: cut hard, the reader still gets the start of the message.
            return HardCut(body, "");
        }

        var boundaries = new List<int>();
        for (var i = 1; i < body.Length; i++)
        {
            if (char.IsWhiteSpace(body[i]) && !char.IsWhiteSpace(body[i - 1]))
            {
                boundaries.Add(i);
            }
        }

        int lo = 0, hi = boundaries.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Fits(Prefix(body, boundaries[mid]) + suffix))
            {
                best = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return best >= 0 && Prefix(body, boundaries[best]).Length > 0
            ? Prefix(body, boundaries[best]) + suffix
            : HardCut(body, suffix);
    }

    // Punctuation left dangling before "..." reads as a typo.
    private static string Prefix(string body, int end) => body[..end].TrimEnd().TrimEnd(',', ';', ':', '.', '-', '(');

    private string HardCut(string body, string suffix)
    {
        int lo = 0, hi = body.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Fits(Cut(body, mid) + suffix))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return Cut(body, lo).TrimEnd() + suffix;
    }

    private static string Cut(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    private bool Fits(string text) => SmsEncoder.Analyze(text).Segments <= Options.MaxSegments;
}
