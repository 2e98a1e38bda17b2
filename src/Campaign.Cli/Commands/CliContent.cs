using Campaign.Core.Content;

namespace Campaign.Cli.Commands;

/// <summary>Loads content from --content, else Content__Path, else the repository's content/.</summary>
internal static class CliContent
{
    public static CampaignContent Load(CliArgs args) =>
        ContentLoader.Load(ContentPath.Resolve(args.Option("--content") ?? Environment.GetEnvironmentVariable("Content__Path")));
}
