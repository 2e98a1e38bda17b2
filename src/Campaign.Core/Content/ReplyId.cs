namespace Campaign.Core.Content;

/// <summary>
/// The system replies <c>content/replies.yaml</c> must define, and the runtime placeholders each may
/// use. Area placeholders (<c>placeholders.yaml</c>) are allowed in every reply.
/// </summary>
public static class ReplyId
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string Menu = "menu";
    public const string Subscribed = "subscribed";
    public const string AlreadySubscribed = "already_subscribed";
    public const string OptedOut = "opted_out";
    public const string AlreadyOptedOut = "already_opted_out";
    public const string OptedBackIn = "opted_back_in";
    public const string NotSure = "not_sure";
    public const string NoMatch = "no_match";
    public const string UnknownChoice = "unknown_choice";
    public const string EmptyMessage = "empty_message";
    public const string UnknownArea = "unknown_area";

    /// <summary>"DK &lt;name&gt;" where the name fits several areas: the reply lists them with their codes.</summary>
    public const string AmbiguousArea = "ambiguous_area";
    public const string Error = "error";
    public const string AnswerFooter = "answer_footer";
    public const string SuggestionsFooter = "suggestions_footer";

    /// <summary>Ends an SMS cut to the segment limit, telling the resident how to get more.</summary>
    public const string SmsContinuation = "sms_continuation";

    /// <summary>Every required reply with the runtime placeholders it may contain.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RuntimePlaceholders = new Dictionary<string, string[]>
    {
        [Welcome] = [],
        [Help] = [],
        [Menu] = ["items"],
        [Subscribed] = ["area"],
        [AlreadySubscribed] = [],
        [OptedOut] = [],
        [AlreadyOptedOut] = [],
        [OptedBackIn] = [],
        [NotSure] = ["suggestions"],
        [NoMatch] = [],
        [UnknownChoice] = ["max"],
        [EmptyMessage] = [],
        [UnknownArea] = ["area"],
        [AmbiguousArea] = ["area", "choices"],
        [Error] = [],
        [AnswerFooter] = [],
        [SuggestionsFooter] = ["related"],
        [SmsContinuation] = [],
    };
}
