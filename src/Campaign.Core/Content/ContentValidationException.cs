namespace Campaign.Core.Content;

/// <summary>
/// Thrown when <c>content/</c> is invalid. Start-up fails with this, so a broken file is caught in
/// review or at deploy, never by a resident.
/// </summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ContentError> Errors { get; }

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        $"content is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
        + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
