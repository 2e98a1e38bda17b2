namespace Campaign.Core.Content;

/// <summary>One problem found in <c>content/</c>: where it is and what to do about it.</summary>
/// <param name="File">Path relative to the content folder, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
