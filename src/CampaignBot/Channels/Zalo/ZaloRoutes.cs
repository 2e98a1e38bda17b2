namespace CampaignBot.Channels.Zalo;

/// <summary>The path Zalo calls us at; set the app's Webhook URL to https://&lt;public host&gt;<see cref="Webhook"/>.</summary>
public static class ZaloRoutes
{
    public const string Webhook = "/zalo/webhook";
}
