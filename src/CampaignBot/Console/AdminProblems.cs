using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>The RFC 7807 answers of <c>/api/admin</c>; 400s list every field to fix in <c>errors</c>.</summary>
internal static class AdminProblems
{
    public static IResult Invalid(IEnumerable<FieldError> errors, string title = "The campaign has problems")
    {
        var list = errors.ToArray();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("; ", list.Select(e => $"{e.Field}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["errors"] = list });
    }

    public static IResult Invalid(IEnumerable<CampaignProblem> problems) =>
        Invalid(problems.Select(p => new FieldError(p.Field, p.Message)));

    public static IResult Invalid(string field, string message, string title = "The request has a problem") =>
        Invalid([new FieldError(field, message)], title);

    public static IResult NotFound(string id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such campaign",
        detail: $"There is no campaign '{id}' in your areas.");

    /// <summary>A refused lifecycle move: 409 for the wrong status, 403 for who is asking, 400 for a missing reason.</summary>
    public static IResult Refused(LifecycleError error) => error.Kind switch
    {
        LifecycleErrorKind.WrongState => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this status", detail: error.Message,
            extensions: new Dictionary<string, object?> { ["campaignStatus"] = error.Status.Key() }),
        LifecycleErrorKind.ReasonRequired => Invalid("reason", error.Message, "A reason is required"),
        LifecycleErrorKind.SamePerson => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Someone else must review this campaign", detail: error.Message),
        LifecycleErrorKind.NotOwner => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the author may do this", detail: error.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for your role", detail: error.Message),
    };

    public static IResult VersionConflict(CampaignRecord? current, long expected) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The campaign changed since you read it",
        detail: current is null
            ? $"You edited version {expected}, which is no longer stored."
            : $"You edited version {expected}; version {current.Version} is stored now. Read it again, redo your change, and send it with that version.",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current?.Version });

    /// <summary>A CSV upload that cannot be read at all: 400 naming the line and column.</summary>
    public static IResult Csv(CsvProblem problem) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The CSV file cannot be read",
        detail: problem.ToString() + ". Nothing was imported.",
        extensions: new Dictionary<string, object?>
        {
            ["line"] = problem.Line,
            ["column"] = problem.Column,
            ["columnName"] = problem.ColumnName,
        });

    public static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large",
        detail: $"Send at most {maxBytes / (1024.0 * 1024.0):0.##} MiB ({maxBytes} bytes) at once; split the file and send the parts one after the other.");

    /// <summary>Areas the officer may not read or target: 403, each listed in <c>errors</c>.</summary>
    public static IResult OutsideScope(IEnumerable<FieldError> errors)
    {
        var list = errors.ToArray();
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Outside your areas",
            detail: string.Join("; ", list.Select(e => $"{e.Field}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["errors"] = list });
    }

    public static IResult VersionRequired() => Results.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "Say which version you edited",
        detail: "Send the version you read, in an If-Match header (its ETag) or as \"version\" in the body, so a newer change is not overwritten.");
}
