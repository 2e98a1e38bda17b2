namespace Campaign.Core.Campaigns;

/// <summary>Why a lifecycle move was refused. The API maps the kind to a status code; the message is for the person acting.</summary>
public sealed record LifecycleError(LifecycleErrorKind Kind, CampaignAction Action, CampaignStatus Status, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}

public enum LifecycleErrorKind
{
    /// <summary>The move does not exist from the campaign's status (409).</summary>
    WrongState,

    /// <summary>The actor's role may not make this move (403).</summary>
    NotAllowedForRole,

    /// <summary>Only the campaign's author may make this move (403).</summary>
    NotOwner,

    /// <summary>Four-eyes: the author cannot approve or reject their own campaign (403).</summary>
    SamePerson,

    /// <summary>A rejection needs a reason the author can act on (400).</summary>
    ReasonRequired,
}
