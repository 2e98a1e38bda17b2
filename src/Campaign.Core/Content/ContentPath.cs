namespace Campaign.Core.Content;

/// <summary>Finds the content folder: <c>Content:Path</c> when set, else the repository's <c>content/</c>.</summary>
public static class ContentPath
{
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "faq")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("Content:Path is not set and no content/ folder was found above the working directory; set Content__Path.");
    }
}
