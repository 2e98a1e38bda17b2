namespace CampaignBot.Console;

/// <summary>The body of <c>POST /api/admin/preview/message</c>: a campaign's texts, and the area whose placeholders to fill (none: the content defaults).</summary>
public sealed record MessagePreviewRequest(string? Chat, string? Sms, string? AreaCode);

/// <summary>The chat text as residents will read it.</summary>
public sealed record ChatPreview(string Text, int Characters);

/// <summary>An SMS's segments and encoding in one form (with or without marks).</summary>
public sealed record SmsForm(int Segments, string Encoding);

/// <summary>
/// The SMS as it will be sent under the current marks policy (<c>Sms:Diacritics</c>) and segment
/// limit, what it costs, and what it would cost with and without marks.
/// </summary>
/// <param name="UnaccentingSaves">Segments saved if the marks were stripped; 0 when stripping saves nothing.</param>
/// <param name="Cost">Segments times <paramref name="PricePerSegment"/>, per resident.</param>
public sealed record SmsMessagePreview(
    string Text,
    string Encoding,
    int Characters,
    int Segments,
    bool Shortened,
    string Policy,
    decimal PricePerSegment,
    string Currency,
    decimal Cost,
    SmsForm WithMarks,
    SmsForm WithoutMarks,
    int UnaccentingSaves);

/// <summary>The answer of the message preview: each channel's text as residents get it.</summary>
public sealed record MessagePreviewResponse(ChatPreview Chat, SmsMessagePreview Sms);
