using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Faq;
using Campaign.Core.Subscribers;

namespace Campaign.Core.Inbox;

/// <summary>
/// The officers' inbox: recent unanswered questions from residents in the officer's scope, minus
/// those an approved answer covers, grouped by similarity. Computed on each read from the capped
/// stream, so nothing needs to be kept in step.
/// </summary>
public sealed class UnansweredInbox(UnansweredQuestions questions, SubscriberStore subscribers, ContentStore content, AnswerStore answers, InboxOptions options)
{
    private (CampaignContent Files, FaqTokenizer Tokenizer)? _tokenizer;

    public async Task<IReadOnlyList<QuestionGroup>> GroupsAsync(InboxScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var recent = await questions.ReadRecentAsync(options.Window);
        if (recent.Count == 0)
        {
            return [];
        }
        var answered = await answers.AnsweredSignaturesAsync();
        var found = await subscribers.GetManyAsync(recent.Select(q => q.SubscriberId).Distinct().ToArray());
        var areas = found.ToDictionary(s => s.Id, s => s.AreaCode);
        var tokenizer = Tokenizer();
        var visible = recent
            .Select(q => (Question: q, AreaCode: areas.GetValueOrDefault(q.SubscriberId)))
            .Where(q => scope.CanSee(q.AreaCode) && !answered.Contains(QuestionWords.SignatureOf(q.Question.Text, tokenizer)))
            .ToArray();
        return QuestionGrouper.Group(visible, tokenizer, options.Threshold);
    }

    public async Task<QuestionGroup?> FindAsync(string groupId, InboxScope scope) =>
        (await GroupsAsync(scope)).FirstOrDefault(g => string.Equals(g.Id, groupId, StringComparison.Ordinal));

    /// <summary>
    /// The tokenizer of the FAQ as read from the files, not of the overlay: an approved answer adds
    /// content words, which changes which unaccented words count as stop words, and with them the
    /// signatures; an answered group must stay answered. (A reload of the files may shift a few.)
    /// </summary>
    public FaqTokenizer Tokenizer()
    {
        var files = content.Files;
        if (_tokenizer is { } cached && ReferenceEquals(cached.Files, files))
        {
            return cached.Tokenizer;
        }
        var tokenizer = FaqIndex.Build(files).Tokenizer;
        _tokenizer = (files, tokenizer);
        return tokenizer;
    }
}
