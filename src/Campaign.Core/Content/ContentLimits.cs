namespace Campaign.Core.Content;

/// <summary>The limits content is held to (see CONTENT-GUIDE.md).</summary>
public static class ContentLimits
{
    public const int ChatAnswerMaxCharacters = 600;
    public const int FaqSmsMaxSegments = 2;
    public const int ReplySmsMaxSegments = 1;
    public const int MinPhrasings = 6;
    public const int TitleMaxCharacters = 32;
    public const int MenuMaxItems = 9;
    public const int SeriesSmsMaxSegments = 2;
}
