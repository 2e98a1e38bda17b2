namespace CampaignBot.Console;

/// <summary>
/// The refused rows of an import, the first <see cref="MaxListed"/> kept with their reasons and the
/// rest only counted, so a file of a million bad rows still gets a short answer.
/// </summary>
internal sealed class InvalidLines
{
    public const int MaxListed = 1000;

    private readonly List<CsvLineError> _listed = [];

    public long Count { get; private set; }

    public IReadOnlyList<CsvLineError> Listed => _listed;

    /// <summary>How many refused rows are counted but not in <see cref="Listed"/>.</summary>
    public long NotListed => Count - _listed.Count;

    public void Add(long line, string error)
    {
        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(new CsvLineError(line, error));
        }
    }
}
