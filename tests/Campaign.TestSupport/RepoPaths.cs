namespace Campaign.TestSupport;

/// <summary>Paths into the repository (and the steering folder beside it) for tests.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string TestData(string name) => Path.Combine(Root, "tests", "data", name);

    /// <summary>The shared steering folder (../shared), or null when this checkout has none beside it.</summary>
    public static string? Shared(string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(Root)!, "shared", name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>A throwaway copy of content/ for tests that break it on purpose; the caller deletes it.</summary>
    public static string CopyOfContent()
    {
        var target = Directory.CreateTempSubdirectory("campaign-content-").FullName;
        foreach (var file in Directory.GetFiles(Content, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaign.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Campaign.sln not found above " + AppContext.BaseDirectory);
    }
}
