namespace Campaign.Core.Content;

/// <summary>A file (relative to the content folder) and a 1-based line.</summary>
public readonly record struct ContentLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
