using System.Globalization;
using Campaign.Core.Content;
using Campaign.Core.Fanout;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Core.Conversations;

/// <summary>
/// The channel-neutral dialogue: one inbound message in, the replies out. Commands (subscribe, opt
/// out, help, menu) change the subscriber; a number picks from what was last offered; anything else
/// is answered from the FAQ, or met with "not sure" and numbered suggestions, and then lands in the
/// officers' unanswered inbox. Every channel calls this and only renders the result.
/// </summary>
public sealed class ConversationEngine(
    ContentStore content,
    LiveFaqMatcher faq,
    SubscriberStore subscribers,
    ConversationStateStore states,
    UnansweredQuestions unanswered,
    ReplyComposer composer,
    ConversationOptions options,
    ILogger<ConversationEngine> logger,
    RecipientLedger? campaignReplies = null)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        var text = Truncate(Diacritics.ToNfc(message.Text ?? "").Trim(), options.MaxInputCharacters);
        var current = content.Current;

        Subscriber? subscriber = null;
        var isNew = false;
        ConversationState state = ConversationState.MainMenu;
        try
        {
            (subscriber, isNew) = await subscribers.TouchAsync(message.Channel, message.Address, message.ReceivedAt);
            state = await states.GetAsync(subscriber.Id);
            if (campaignReplies is not null)
            {
                // Counted in the stats of the campaign occurrence that last wrote to this resident, if within a day.
                await campaignReplies.CreditReplyAsync(subscriber.Id, message.ReceivedAt);
            }
        }
        catch (RedisException ex)
        {
            // Redis down: still answer from the in-memory FAQ; commands that must be recorded say "try later".
            logger.LogWarning(ex, "Redis unavailable; answering {Channel} message without subscriber state", message.Channel.Key());
        }

        var ctx = new Turn(current, message, subscriber, isNew);
        var (replies, offered) = await RespondAsync(ctx, text, state);
        ConversationMetrics.Handled(message.Channel, replies.Count > 0 ? ctx.Outcome : "none");
        if (subscriber is not null && offered is not null)
        {
            await TrySaveStateAsync(subscriber.Id, offered);
        }
        return replies;
    }

    private async Task<(IReadOnlyList<Reply>, ConversationState?)> RespondAsync(Turn turn, string text, ConversationState state)
    {
        if (!text.Any(char.IsLetterOrDigit))
        {
            return ([Say(turn, turn.IsNew ? ReplyId.Welcome : ReplyId.EmptyMessage)], null);
        }
        if (CommandParser.Parse(text, turn.Content.Commands) is { } command && await CommandAsync(turn, command) is { } commandReply)
        {
            return commandReply;
        }
        if (CommandParser.ParseChoice(text) is { } choice)
        {
            return Choose(turn, choice, state);
        }
        return await AnswerAsync(turn, text);
    }

    private async Task<(IReadOnlyList<Reply>, ConversationState?)?> CommandAsync(Turn turn, ParsedCommand command)
    {
        switch (command.Kind)
        {
            case CommandKind.Help:
                return ([Say(turn, ReplyId.Help)], null);
            case CommandKind.Menu:
                return ([Menu(turn)], ConversationState.MainMenu);
            case CommandKind.OptOut:
                return await OptOutAsync(turn);
            case CommandKind.OptIn:
                return await SubscribeAsync(turn, null);
            case CommandKind.Subscribe when command.Argument.Length == 0:
                return await SubscribeAsync(turn, null);
            case CommandKind.Subscribe when turn.Content.Areas.TryResolve(command.Argument, out var area):
                return await SubscribeAsync(turn, area.Code);
            case CommandKind.Subscribe when turn.Content.Areas.Candidates(command.Argument) is { Count: > 1 } candidates:
                return ([Say(turn, ReplyId.AmbiguousArea, new() { ["area"] = command.Argument, ["choices"] = AreaChoices(turn.Content, candidates) })], null);
            case CommandKind.Subscribe when CommandParser.LooksLikeCode(command.Argument):
                return ([Say(turn, ReplyId.UnknownArea, new() { ["area"] = command.Argument })], null);
            default:
                return null; // "dang ky vneid o dau" is a question, not a subscription with an area
        }
    }

    private async Task<(IReadOnlyList<Reply>, ConversationState?)> SubscribeAsync(Turn turn, string? areaCode)
    {
        if (turn.Subscriber is null)
        {
            return ([Say(turn, ReplyId.Error)], null);
        }
        var change = await subscribers.SubscribeAsync(turn.Subscriber, Evidence(turn, "subscribe"), areaCode);
        var replyId = change.Previous switch
        {
            SubscriberStatus.Subscribed => ReplyId.AlreadySubscribed,
            SubscriberStatus.OptedOut => ReplyId.OptedBackIn,
            _ => ReplyId.Subscribed,
        };
        turn.Outcome = replyId;
        var areaName = change.Subscriber.AreaCode is { } code && turn.Content.Areas.Find(code) is { } area ? area.Name : "";
        return ([Say(turn with { Subscriber = change.Subscriber }, replyId, new() { ["area"] = areaName })], null);
    }

    private async Task<(IReadOnlyList<Reply>, ConversationState?)> OptOutAsync(Turn turn)
    {
        if (turn.Subscriber is null)
        {
            return ([Say(turn, ReplyId.Error)], null);
        }
        if (turn.Subscriber.Status == SubscriberStatus.OptedOut)
        {
            return ([Say(turn, ReplyId.AlreadyOptedOut)], null);
        }
        await subscribers.OptOutAsync(turn.Subscriber, Evidence(turn, "opt_out"));
        return ([Say(turn, ReplyId.OptedOut)], null);
    }

    private (IReadOnlyList<Reply>, ConversationState?) Choose(Turn turn, int choice, ConversationState state)
    {
        var offered = state.OfferedFaqIds.Count == 0
            ? turn.Content.Menu
            : state.OfferedFaqIds.Select(turn.Content.FindFaq).OfType<FaqEntry>().ToArray();
        if (choice < 1 || choice > offered.Count)
        {
            var max = offered.Count.ToString(CultureInfo.InvariantCulture);
            return ([Say(turn, ReplyId.UnknownChoice, new() { ["max"] = max })], null);
        }
        return AnswerWith(turn, offered[choice - 1]);
    }

    private async Task<(IReadOnlyList<Reply>, ConversationState?)> AnswerAsync(Turn turn, string text)
    {
        var match = faq.Current.Match(text);
        if (match.Answer is { } entry)
        {
            return AnswerWith(turn, entry);
        }
        if (turn.IsNew)
        {
            // A first "xin chào" deserves a welcome, not "I'm not sure".
            return ([Say(turn, ReplyId.Welcome)], ConversationState.MainMenu);
        }
        if (turn.Subscriber is not null)
        {
            await TryRecordUnansweredAsync(turn, text, match.Suggestions.Select(s => s.Id));
        }
        if (match.Suggestions.Count == 0 || match.OutOfScope is not null)
        {
            return ([Say(turn, ReplyId.NoMatch)], ConversationState.MainMenu);
        }
        var list = ReplyComposer.NumberedList(match.Suggestions, turn.Message.Channel.IsSms());
        return (
            [Say(turn, ReplyId.NotSure, new() { ["suggestions"] = list }, ReplyComposer.Choices(match.Suggestions))],
            new ConversationState(match.Suggestions.Select(s => s.Id).ToArray()));
    }

    private (IReadOnlyList<Reply>, ConversationState?) AnswerWith(Turn turn, FaqEntry entry)
    {
        var related = entry.Related.Select(turn.Content.FindFaq).OfType<FaqEntry>().ToArray();
        var reply = composer.Answer(turn.Content, entry, turn.Message.Channel, turn.Subscriber, related);
        // Numbers after an answer pick from its related topics when they were shown, else from the main menu.
        var next = reply.Choices.Count > 0 ? new ConversationState(related.Select(r => r.Id).ToArray()) : ConversationState.MainMenu;
        return ([reply], next);
    }

    /// <summary>"DK 30388 - Xã Tân An (An Giang)" lines, at most five, so the resident can send one back.</summary>
    private static string AreaChoices(CampaignContent content, IReadOnlyList<Areas.Area> candidates) =>
        string.Join('\n', candidates.Take(5).Select(a =>
            content.Areas.PathOf(a.Code) is { Count: > 1 } path ? $"DK {a.Code} - {a.Name} ({path[0].Name})" : $"DK {a.Code} - {a.Name}"));

    private Reply Menu(Turn turn)
    {
        var list = ReplyComposer.NumberedList(turn.Content.Menu, turn.Message.Channel.IsSms());
        return Say(turn, ReplyId.Menu, new() { ["items"] = list }, ReplyComposer.Choices(turn.Content.Menu));
    }

    private Reply Say(Turn turn, string replyId, Dictionary<string, string>? values = null, IReadOnlyList<ReplyChoice>? choices = null)
    {
        turn.Outcome = replyId;
        return composer.Compose(turn.Content, replyId, turn.Message.Channel, turn.Subscriber, values, choices);
    }

    private static Consent Evidence(Turn turn, string action) =>
        new(turn.Message.ReceivedAt, $"{turn.Message.Channel.Key()}:{action}", turn.Message.MessageId ?? Truncate(turn.Message.Text, 160));

    private async Task TrySaveStateAsync(long subscriberId, ConversationState state)
    {
        try
        {
            await states.SetAsync(subscriberId, state);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "could not save conversation state for subscriber {SubscriberId}", subscriberId);
        }
    }

    private async Task TryRecordUnansweredAsync(Turn turn, string text, IEnumerable<string> suggested)
    {
        try
        {
            await unanswered.RecordAsync(turn.Message.Channel, turn.Subscriber!.Id, text, suggested, turn.Message.ReceivedAt);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "could not record an unanswered question");
        }
    }

    /// <summary>Cuts at a character boundary, never inside a surrogate pair.</summary>
    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }

    private sealed record Turn(CampaignContent Content, InboundMessage Message, Subscriber? Subscriber, bool IsNew)
    {
        /// <summary>What the bot did, for metrics: the reply id or "answer".</summary>
        public string Outcome { get; set; } = "answer";
    }
}
