namespace Campaign.Core.Inbox;

/// <summary>Why a review was refused.</summary>
public enum ReviewRefusal
{
    /// <summary>Only approvers and admins review answers.</summary>
    NotReviewer,

    /// <summary>Four eyes: the proposer never reviews their own answer.</summary>
    SamePerson,

    /// <summary>Already approved or rejected.</summary>
    NotProposed,

    /// <summary>A rejection says why, so the proposer can do better.</summary>
    CommentRequired,
}
