namespace Campaign.Core.Officers;

/// <summary>An officer could not be added: each problem names the field and the fix.</summary>
public sealed class OfficerValidationException : Exception
{
    public OfficerValidationException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
