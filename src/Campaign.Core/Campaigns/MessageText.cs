namespace Campaign.Core.Campaigns;

/// <summary>
/// What a campaign says in one language: the chat text (Zalo, Messenger, Bot Framework; full
/// Vietnamese) and the SMS text (rendered without marks by default, see <c>Sms:Diacritics</c>).
/// Either may hold <c>{placeholders}</c> from <c>content/placeholders.yaml</c>, filled per area.
/// </summary>
/// <param name="Chat">Text for chat channels; may be empty when the audience has none.</param>
/// <param name="Sms">Text for SMS; may be empty when the audience does not include SMS.</param>
public sealed record MessageText(string Chat, string Sms);
